namespace PublicProtectionHub.ServiceDefaults;

/// <summary>Claim names in the hub's access tokens (see ACCESS.md).</summary>
public static class HubClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string PreferredUserName = "preferred_username";
    public const string Role = "role";
    public const string ClientId = "client_id";
    public const string Scope = "scope";
    public const string Establishment = "establishment";
    public const string Force = "force";
    public const string VictimLiaisonUnit = "vlo-unit";
    public const string MappaArea = "mappa-area";
    public const string ProbationDeliveryUnit = "pdu";
    public const string Duty = "duty";
}
