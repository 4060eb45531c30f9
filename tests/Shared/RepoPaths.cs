namespace Approval.Tests;

/// <summary>Finds files of the repository (region packs) from a test's output folder; compiled into each test project.</summary>
internal static class RepoPaths
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Approval.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Approval.sln not found above " + AppContext.BaseDirectory);
    }

    public static string RegionPack(string regionCode = "320193") => Path.Combine(Root(), "regions", regionCode);
}
