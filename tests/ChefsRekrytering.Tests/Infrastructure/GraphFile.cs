namespace ChefsRekrytering.Tests.Infrastructure;

/// <summary>
/// Pins each workflow's diagram in docs/processer/&lt;name&gt;.md, so a change to a process is a visible diff.
/// Run the tests with CHEFS_UPDATE_GRAPHS=1 to rewrite the files after an intended change.
/// </summary>
public static class GraphFile
{
    public static void AssertMatches(string name, string mermaid)
    {
        var path = Path.Combine(TestServices.RepoRoot, "docs", "processer", $"{name}.md");
        var expected = $"# Processen {name}\n\nGenererad från koden av testet som fäster grafen; ändra processen i koden, inte här.\n\n```mermaid\n{mermaid.Trim()}\n```\n";
        if (Environment.GetEnvironmentVariable("CHEFS_UPDATE_GRAPHS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }
        Assert.True(File.Exists(path), $"{path} saknas: kör testerna med CHEFS_UPDATE_GRAPHS=1 för att skapa den.");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), expected);
    }
}
