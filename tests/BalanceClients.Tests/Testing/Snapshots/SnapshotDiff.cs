using System.Text;

namespace BalanceClients.Tests.Testing.Snapshots;

/// <summary>
/// A line diff of two snapshots (longest common subsequence), as <c>-</c> verified and <c>+</c> received lines with context.
/// </summary>
internal static class SnapshotDiff
{
    private const int Context = 2;

    public static string Describe(string verified, string received)
    {
        var before = verified.Split('\n');
        var after = received.Split('\n');
        var lengths = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = before[i] == after[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var lines = new List<(char Mark, string Text)>();
        int x = 0, y = 0;
        while (x < before.Length || y < after.Length)
        {
            if (x < before.Length && y < after.Length && before[x] == after[y])
            {
                lines.Add((' ', before[x++]));
                y++;
            }
            else if (y < after.Length && (x == before.Length || lengths[x, y + 1] >= lengths[x + 1, y]))
            {
                lines.Add(('+', after[y++]));
            }
            else
            {
                lines.Add(('-', before[x++]));
            }
        }

        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var near = lines.Skip(Math.Max(0, i - Context)).Take((2 * Context) + 1).Any(line => line.Mark != ' ');
            if (near)
            {
                text.Append(lines[i].Mark).Append(' ').AppendLine(lines[i].Text);
            }
        }

        return text.ToString();
    }
}
