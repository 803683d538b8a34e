using System.CommandLine;
using BalanceClients.Cli;

namespace BalanceClients.Tests.Cli;

public sealed class StoreLocationTests
{
    [Theory]
    [InlineData("/data/b.db", "/env/b.db", "/xdg", "/home/u", "/data/b.db", "--store")]
    [InlineData(null, "/env/b.db", "/xdg", "/home/u", "/env/b.db", "BALANCES_STORE")]
    [InlineData(null, "", "/xdg", "/home/u", "/xdg/balances/balances.db", "XDG_STATE_HOME")]
    [InlineData(null, null, "/xdg", "/home/u", "/xdg/balances/balances.db", "XDG_STATE_HOME")]
    [InlineData(null, null, "relative/state", "/home/u", "/home/u/.local/state/balances/balances.db", "HOME")]
    [InlineData(null, null, "", "/home/u", "/home/u/.local/state/balances/balances.db", "HOME")]
    [InlineData(null, null, null, "/home/u", "/home/u/.local/state/balances/balances.db", "HOME")]
    public void TryResolve_OptionThenVariableThenXdgThenHome(
        string? option, string? store, string? xdg, string? home, string path, string source)
    {
        var environment = new Dictionary<string, string?> { ["BALANCES_STORE"] = store, ["XDG_STATE_HOME"] = xdg, ["HOME"] = home };

        Assert.True(StoreLocation.TryResolve(option, environment, out var location, out var error), error);

        Assert.Equal(new StoreLocation(path, source), location);
    }

    [Fact]
    public void TryResolve_RelativePath_IsMadeFull()
    {
        Assert.True(StoreLocation.TryResolve("state/b.db", new Dictionary<string, string?>(), out var location, out _));

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "state", "b.db"), location.Path);
    }

    [Theory]
    [InlineData(null, null, "relative", "no place for the store of readings: give --store PATH, or set BALANCES_STORE (or HOME")]
    [InlineData("", null, null, "--store '': the path of a file is needed.")]
    [InlineData("/data/", null, null, "--store '/data/': the path of a file is needed, not of a folder.")]
    [InlineData(null, "a\0b", null, "BALANCES_STORE 'a\\u0000b': the path of a file is needed.")]
    public void TryResolve_NoUsablePlace_SaysWhatIsMissing(string? option, string? store, string? home, string message)
    {
        var environment = new Dictionary<string, string?> { ["BALANCES_STORE"] = store, ["HOME"] = home };

        Assert.False(StoreLocation.TryResolve(option, environment, out _, out var error));

        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--no-store" }, true, null)]
    [InlineData(new[] { "--store", "/s.db" }, true, "/s.db")]
    [InlineData(new string[0], true, "/home/u/.local/state/balances/balances.db")]
    [InlineData(new[] { "--store", "/s.db", "--no-store" }, false, null)]
    public void TryRead_RecordingCommand_TakesStoreOrNoStore(string[] args, bool valid, string? path)
    {
        var options = new StoreOptions(recording: true);
        var command = new RootCommand();
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        var environment = new Dictionary<string, string?> { ["HOME"] = "/home/u" };

        var ok = options.TryRead(command.Parse(args), environment, out var location, out var error);

        Assert.Equal((valid, path), (ok, location?.Path));
        Assert.Equal(valid ? string.Empty : "--store and --no-store cannot be given together.", error);
    }

    [Fact]
    public void All_ReadingCommand_HasNoNoStore()
    {
        Assert.Equal(["--store"], new StoreOptions(recording: false).All.Select(option => option.Name));
    }
}
