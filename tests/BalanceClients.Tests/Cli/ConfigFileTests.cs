using System.Text.Json;
using BalanceClients.FakeProviders;

namespace BalanceClients.Tests.Cli;

/// <summary><c>--config FILE</c>: settings and named accounts from a JSON file, beside the contract's variables.</summary>
public sealed class ConfigFileTests
{
    [Fact]
    public async Task Check_ConfigFile_AddsNamedAccountsBesideTheVariables()
    {
        await using var fakes = await FakeProviderServer.StartAsync(CancellationToken.None);
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, $$"""
                {
                  "Balances": {
                    "Providers": {
                      "lumenfall": {
                        "BaseUrl": "{{fakes["lumenfall"].BaseUrl}}",
                        "Accounts": { "team-a": { "ApiKey": "demo-lumenfall-api-key" }, "team-b": { "ApiKey": "demo-lumenfall-api-key" } }
                      }
                    }
                  }
                }
                """);
            var environment = new Dictionary<string, string?>
            {
                ["UNDRCTRL_API_KEY"] = "demo-undrctrl-api-key",
                ["UNDRCTRL_BASE_URL"] = fakes["undrctrl"].BaseUrl.ToString(),
            };

            var run = await CliRun.InProcessAsync(environment, false, "check", "--format", "json", "--config", file);

            Assert.True(run.ExitCode == 0, run.Error);
            using var document = JsonDocument.Parse(run.Out);
            Assert.Equal(
                ["lumenfall/team-a", "lumenfall/team-b", "undrctrl/default"],
                document.RootElement.GetProperty("results").EnumerateArray()
                    .Select(r => $"{r.GetProperty("provider").GetString()}/{r.GetProperty("account").GetString()}"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData(null)]
    public async Task Check_ConfigFileMissingOrMalformed_ExitsSixtyFourWithOneLine(string? content)
    {
        var file = Path.Combine(Path.GetTempPath(), $"balances-{Guid.NewGuid():N}.json");
        if (content is not null)
        {
            await File.WriteAllTextAsync(file, content);
        }

        try
        {
            var run = await CliRun.InProcessAsync(new Dictionary<string, string?>(), false, "check", "--config", file);

            Assert.Equal(64, run.ExitCode);
            Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
