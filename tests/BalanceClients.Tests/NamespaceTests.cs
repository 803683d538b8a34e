using BalanceClients.Tests.Testing;

namespace BalanceClients.Tests;

/// <summary>
/// The library's rooms say what they hold: no namespace reaches back into one that reaches it. A room is a namespace with its
/// children (<c>BalanceClients.Providers.Telnyx</c> is in <c>BalanceClients.Providers</c>); the root namespace <c>BalanceClients</c>
/// is the public model every room speaks (accounts, results, thresholds) and the checker over them, so it is not a room.
/// </summary>
public sealed class NamespaceTests
{
    [Fact]
    public void Library_Namespaces_HaveNoCycles()
    {
        var graph = NamespaceGraph.Of(typeof(IBalanceChecker).Assembly.Location);
        var rooms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (from, targets) in graph.Uses)
        {
            if (RoomOf(from) is not { } room)
            {
                continue;
            }

            var uses = rooms.TryGetValue(room, out var known) ? known : rooms[room] = new HashSet<string>(StringComparer.Ordinal);
            uses.UnionWith(targets.Select(RoomOf).OfType<string>().Where(target => target != room));
        }

        var cycles = rooms
            .SelectMany(room => room.Value.Where(target => Reaches(rooms, target, room.Key)).Select(target => $"{room.Key} -> {target}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(cycles.Count == 0, $"Namespaces that reach back into one that reaches them:\n{string.Join('\n', cycles)}");
    }

    // BalanceClients.X.Y is in the room BalanceClients.X; the root, and what the compiler and generators name, are in none. The
    // generated clients (BalanceClients.Generated.*) and their hand-written support (BalanceClients.Generation: the JSON context that
    // names their types, the converters they call) are one room: each names the other by nature.
    private static string? RoomOf(string ns)
    {
        var parts = ns.Split('.');
        var room = parts.Length < 2 || parts[0].StartsWith("__", StringComparison.Ordinal)
            ? null
            : string.Join('.', parts.Take(parts[0] == "BalanceClients" ? 2 : 3));
        return room == "BalanceClients.Generated" ? "BalanceClients.Generation" : room;
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> rooms, string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var next = new Stack<string>([from]);
        while (next.TryPop(out var room))
        {
            if (room == to)
            {
                return true;
            }

            if (seen.Add(room) && rooms.TryGetValue(room, out var uses))
            {
                foreach (var target in uses)
                {
                    next.Push(target);
                }
            }
        }

        return false;
    }
}
