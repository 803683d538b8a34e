namespace BalanceClients.Cli.Output;

/// <summary>One Prometheus metric family: its name and help text. Every family here is a gauge.</summary>
/// <param name="Name">The metric's name.</param>
/// <param name="Help">What it measures.</param>
internal sealed record MetricFamily(string Name, string Help)
{
    /// <summary>The family's <c># HELP</c> and <c># TYPE</c> lines.</summary>
    public string Header => $"# HELP {Name} {Help}\n# TYPE {Name} gauge\n";

    /// <summary>One sample line.</summary>
    /// <param name="labels">The labels, already in exposition form.</param>
    /// <param name="value">The value, already in exposition form.</param>
    /// <returns>The line, with its line feed.</returns>
    public string Sample(string labels, string value) => $"{Name}{{{labels}}} {value}\n";
}
