using System.Text.Json;

namespace BalanceClients.Tests.Deploy;

/// <summary>The Grafana dashboard imports into any Grafana: its data source is a variable, never the id of one instance's.</summary>
public sealed class DashboardTests
{
    private const string DataSourceVariable = "${datasource}";

    [Fact]
    public void Dashboard_EveryDataSource_IsTheVariable()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(DeployFiles.Dashboard));

        var references = DataSources(document.RootElement).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, reference =>
        {
            Assert.Equal("prometheus", reference.GetProperty("type").GetString());
            Assert.Equal(DataSourceVariable, reference.GetProperty("uid").GetString());
        });
    }

    [Fact]
    public void Dashboard_Variables_ChooseAPrometheusDataSourceThenProviderAndAccount()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(DeployFiles.Dashboard));
        var variables = document.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray().ToList();

        Assert.Equal(["datasource", "provider", "account"], variables.Select(variable => variable.GetProperty("name").GetString()));
        Assert.Equal("datasource", variables[0].GetProperty("type").GetString());
        Assert.Equal("prometheus", variables[0].GetProperty("query").GetString());
        Assert.False(document.RootElement.TryGetProperty("__inputs", out _), "an exported dashboard's __inputs tie it to an import");
    }

    [Fact]
    public void Dashboard_Panels_HaveDistinctIdsAndFitTheGrid()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(DeployFiles.Dashboard));
        var panels = document.RootElement.GetProperty("panels").EnumerateArray().ToList();

        Assert.Equal(panels.Count, panels.Select(panel => panel.GetProperty("id").GetInt32()).Distinct().Count());
        Assert.All(panels, panel =>
        {
            var grid = panel.GetProperty("gridPos");
            Assert.InRange(grid.GetProperty("x").GetInt32() + grid.GetProperty("w").GetInt32(), 1, 24);
            Assert.False(string.IsNullOrWhiteSpace(panel.GetProperty("description").GetString()));
        });
    }

    private static IEnumerable<JsonElement> DataSources(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(property => property.Name == "datasource"
            ? [property.Value]
            : DataSources(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(DataSources),
        _ => [],
    };
}
