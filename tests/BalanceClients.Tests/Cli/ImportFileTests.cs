using System.Text;
using BalanceClients.Cli.History;
using BalanceClients.Configuration;
using BalanceClients.History;
using BalanceClients.Tests.History;

namespace BalanceClients.Tests.Cli;

public sealed class ImportFileTests : IDisposable
{
    private const string Header = "time,provider,account,kind,currency,amount";
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_IntoTheStore_MalformedRowLate_StoresNothingOfTheFile()
    {
        // The import's own pass, without the check before it: a file that changed in between is still all or nothing.
        var rows = Enumerable.Range(0, 5_000)
            .Select(i => $"2026-11-20T12:{i / 60 % 60:00}:{i % 60:00}Z,undrctrl,a{i / 3600},balance,USD,{i}");
        var path = _folder.File("readings.csv");
        await File.WriteAllLinesAsync(path, [Header, .. rows, "2026-11-20T12:00:00Z,undrctrl,a,x,USD,1"]);
        await using var store = await BalanceStore.OpenAsync(_folder.File());
        await store.RecordAsync(Readings.Telnyx("eu", Readings.Start, 1m));
        await using var file = ImportFile.Open(path, Stream.Null);

        var exception = await Assert.ThrowsAsync<BalanceConfigurationException>(
            () => store.ImportAsync(file.ReadAsync(CancellationToken.None)));

        Assert.StartsWith(
            $"--import '{path}': line 5002: 'x' is not a kind of amount of undrctrl", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await store.ReadAsync().ToListAsync()).Count);
    }

    [Fact]
    public async Task OpenAsync_StandardInput_IsCopiedAndReadTwice()
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes($"{Header}\n2026-11-20T12:00:00Z,undrctrl,a,balance,USD,1\n"));
        await using var file = ImportFile.Open("-", input);

        var first = await file.ReadAsync(CancellationToken.None).ToListAsync();
        var second = await file.ReadAsync(CancellationToken.None).ToListAsync();

        Assert.Equal("standard input", file.Name);
        Assert.Equal(first, second);
        Assert.Equal(1m, Assert.Single(first).Amount);
        Assert.True(input.CanRead);
    }

    [Fact]
    public async Task ReadAsync_EndlessInputWithoutLines_StopsAtItsFirstLine()
    {
        await using var file = ImportFile.Open("-", new EndlessZeros());

        var exception = await Assert.ThrowsAsync<BalanceConfigurationException>(
            async () => await file.ReadAsync(CancellationToken.None).ToListAsync());

        Assert.Equal("--import '-': line 1: longer than 16 KiB; nothing was imported.", exception.Message);
    }

    /// <summary>What <c>/dev/zero</c> gives: zeros, without end.</summary>
    private sealed class EndlessZeros : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
