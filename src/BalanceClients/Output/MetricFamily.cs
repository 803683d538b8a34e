namespace BalanceClients.Output;

/// <summary>One Prometheus metric family: its name, help text and type.</summary>
/// <param name="Name">The metric's name.</param>
/// <param name="Help">What it measures.</param>
/// <param name="Type">Its type as the exposition format names it: <c>gauge</c> (the default) or <c>counter</c>.</param>
internal sealed record MetricFamily(string Name, string Help, string Type = "gauge")
{
    /// <summary>The family's <c># HELP</c> and <c># TYPE</c> lines.</summary>
    public string Header => $"# HELP {Name} {Help}\n# TYPE {Name} {Type}\n";

    /// <summary>One sample line.</summary>
    /// <param name="labels">The labels, already in exposition form; empty for none.</param>
    /// <param name="value">The value, already in exposition form.</param>
    /// <returns>The line, with its line feed.</returns>
    public string Sample(string labels, string value) =>
        labels.Length == 0 ? $"{Name} {value}\n" : $"{Name}{{{labels}}} {value}\n";
}
