namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>Where things are in the checkout these tests were built from.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    /// <summary>The build configuration of this test assembly (Debug or Release), so the services run from the same build.</summary>
    public static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string DemoData => Path.Combine(Root, "infra", "demo", "demo-data.json");

    public static string ServiceDll(string folder, string assembly)
    {
        var dll = Path.Combine(Root, folder, "bin", Configuration, "net10.0", $"{assembly}.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first.", dll);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PublicProtectionHub.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (PublicProtectionHub.sln) was not found above the test output.");
    }
}
