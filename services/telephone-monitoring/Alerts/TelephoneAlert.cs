namespace PublicProtectionHub.TelephoneMonitoring.Alerts;

/// <summary>
/// Calls by one person to one watched number within the aggregation window: one alert whose count grows.
/// Each change is published again under the same <see cref="AlertId"/>.
/// </summary>
public sealed class TelephoneAlert
{
    public Guid AlertId { get; set; }
    public required string PersonKey { get; set; }

    /// <summary>The dialled number's hash under the key current when the alert was raised.</summary>
    public required string NumberHash { get; set; }
    public required string EstablishmentCode { get; set; }
    public string? OrderReference { get; set; }
    public Guid? ConcernId { get; set; }
    public bool ChildContact { get; set; }
    public int CallCount { get; set; }
    public bool Connected { get; set; }
    public required string Severity { get; set; }
    public DateTimeOffset FirstCallAt { get; set; }
    public DateTimeOffset LastCallAt { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
