using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace PublicProtectionHub.ServiceDefaults;

public static partial class CorrelationIds
{
    public const string Header = "X-Correlation-Id";

    /// <summary>The gateway's correlation id when it is well formed, else this request's trace id.</summary>
    public static string CorrelationId(this HttpContext http) =>
        http.Request.Headers[Header].ToString() is { } value && WellFormed().IsMatch(value)
            ? value
            : System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;

    [GeneratedRegex("^[A-Za-z0-9-]{8,64}$")]
    private static partial Regex WellFormed();
}
