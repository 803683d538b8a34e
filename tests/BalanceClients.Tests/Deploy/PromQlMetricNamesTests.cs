namespace BalanceClients.Tests.Deploy;

/// <summary>The metric names of a PromQL expression, found without being fooled by what only looks like one.</summary>
public sealed class PromQlMetricNamesTests
{
    [Theory]
    [InlineData("balances_level == 2", "balances_level")]
    [InlineData("""max by (provider, account) (balances_level{provider=~"a_b", account=~"c"})""", "balances_level")]
    [InlineData("time() - balances_last_success_timestamp_seconds > 4 * 300", "balances_last_success_timestamp_seconds")]
    [InlineData("a == 3 unless on (provider, account) b == 0", "a b")]
    [InlineData("""sum(rate(x_total{kind="y z"}[5m] offset 1h)) by (kind) / ignoring(kind) group_left y""", "x_total y")]
    [InlineData("""{__name__="hidden"} or up{job="balances"} == bool 0 and 1e3 > Inf""", "up")]
    [InlineData("topk(3, c) and d:recorded:sum", "c d:recorded:sum")]
    public void Of_Expression_NamesItsMetricsOnly(string expression, string names)
    {
        Assert.Equal(names.Split(' '), PromQlMetricNames.Of(expression));
    }
}
