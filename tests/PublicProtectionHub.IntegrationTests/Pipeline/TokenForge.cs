using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>Re-signs a real access token's claims, altered, to make the tokens an attacker or a clock fault would present.</summary>
public static class TokenForge
{
    public static JsonObject Payload(string token) =>
        JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[1]))!.AsObject();

    public static string Sign(JsonObject payload, X509Certificate2 key, string type = "at+jwt")
    {
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = key.Thumbprint, ["x5t"] = Base64UrlEncoder.Encode(key.GetCertHash()), ["typ"] = type };
        var signed = $"{Encode(header)}.{Encode(payload)}";
        using var rsa = key.GetRSAPrivateKey()!;
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signed}.{Base64UrlEncoder.Encode(signature)}";
    }

    public static string Unsigned(JsonObject payload) =>
        $"{Encode(new JsonObject { ["alg"] = "none", ["typ"] = "at+jwt" })}.{Encode(payload)}.";

    /// <summary>The same header and signature over a payload with one claim changed.</summary>
    public static string Tampered(string token, string claim, string value)
    {
        var parts = token.Split('.');
        var payload = Payload(token);
        payload[claim] = value;
        return $"{parts[0]}.{Encode(payload)}.{parts[2]}";
    }

    public static long UnixTime(DateTimeOffset at) => at.ToUnixTimeSeconds();

    private static string Encode(JsonObject json) => Base64UrlEncoder.Encode(json.ToJsonString(new JsonSerializerOptions()));
}
