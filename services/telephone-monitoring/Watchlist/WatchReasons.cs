namespace PublicProtectionHub.TelephoneMonitoring.Watchlist;

/// <summary>Why a person's calls are monitored or a number is watched (the reasons for a Rule 35A authorisation).</summary>
public static class WatchReasons
{
    public const string Harassment = "harassment";
    public const string ChildContactRestriction = "child-contact-restriction";
    public const string PublicProtectionCase = "public-protection-case";
    public const string Intelligence = "intelligence";

    public static readonly IReadOnlyList<string> All = [Harassment, ChildContactRestriction, PublicProtectionCase, Intelligence];
}
