using System.CommandLine;
using BalanceClients.Cli.Serve;

namespace BalanceClients.Tests.Deploy;

/// <summary>A <c>balances serve</c> command line of a deployment file, parsed by the tool's own options, without running it.</summary>
internal static class ServeCommandLine
{
    /// <summary>Parses <paramref name="args"/> (<c>serve</c> and its options) as <c>balances serve</c> does.</summary>
    /// <returns>Where it listens.</returns>
    /// <exception cref="Xunit.Sdk.XunitException">It is not <c>serve</c>, or the tool would refuse it.</exception>
    public static ListenAddress Listen(IReadOnlyList<string> args)
    {
        Assert.Equal("serve", args[0]);
        var options = new ServeOptions();
        var serve = new Command("serve");
        foreach (var option in options.All)
        {
            serve.Options.Add(option);
        }

        var parsed = serve.Parse(args.Skip(1).ToList());

        var errors = parsed.Errors.Select(error => error.Message).Prepend(string.Join(' ', args));
        Assert.True(parsed.Errors.Count == 0, string.Join('\n', errors));
        return parsed.GetValue(options.Listen)!;
    }
}
