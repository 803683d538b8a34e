using System.Text;
using BalanceClients.History;
using BalanceClients.Tests.History;

namespace BalanceClients.Tests.Cli;

public sealed class HistoryImportTests : IDisposable
{
    private const string Header = "time,provider,account,kind,currency,amount";
    private const string GoodRow = "2026-11-20T12:00:00.000Z,telnyx,eu,balance,USD,300.00";
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Import_ExportedCsv_ExportsAgainIdentically()
    {
        var exported = await HistoryCli.RunAsync(await HistoryCli.CreateSampleStoreAsync(_folder.File()), "--format", "csv");
        var file = await WriteAsync("backup.csv", exported.Out);
        var copy = _folder.File("copy.db");

        var imported = await HistoryCli.RunAsync(copy, "--import", file);
        var again = await HistoryCli.RunAsync(copy, "--format", "csv");

        Assert.Equal((0, $"imported 35 of 35 readings from {file} into {copy}.\n"), (imported.ExitCode, imported.Out));
        Assert.Equal(exported.Out, again.Out);
        Assert.Equal(HistoryCli.Sample().OrderBy(r => r.Time).ThenBy(r => r.Provider, StringComparer.Ordinal), await ReadAllAsync(copy));
    }

    [Theory]
    [InlineData("2026-11-20T12:00:00.000Z,telnyx,eu,balance,USD", "5 fields where 6 are needed (time,provider,account,kind,currency")]
    [InlineData("2026-11-20T12:00:00.000Z,telnyx,eu,balance,USD,1,2", "7 fields where 6 are needed")]
    [InlineData("2026-11-20 12:00:00,telnyx,eu,balance,USD,1", "the time '2026-11-20 12:00:00' is not ISO 8601 with a zone")]
    [InlineData("2026-11-20T12:00:00,telnyx,eu,balance,USD,1", "the time '2026-11-20T12:00:00' is not ISO 8601 with a zone")]
    [InlineData("2026-11-20T12:00:00.Z,telnyx,eu,balance,USD,1", "the time '2026-11-20T12:00:00.Z' is not ISO 8601")]
    [InlineData("2026-11-20T12:00:00.1x2Z,telnyx,eu,balance,USD,1", "the time '2026-11-20T12:00:00.1x2Z' is not ISO 8601")]
    [InlineData("1969-12-31T23:59:59Z,telnyx,eu,balance,USD,1", "the time '1969-12-31T23:59:59Z' is before 1970")]
    [InlineData(
        "2026-11-22T12:05:00.001Z,telnyx,eu,balance,USD,1",
        "the time 2026-11-22T12:05:00.001Z is in the future (the latest accepted is 2026-11-22T12:05:00.000Z)")]
    [InlineData("2026-11-20T12:00:00Z,twilio,eu,balance,USD,1", "'twilio' is not a provider (antgst, lumenfall, mesh, telnyx, undrctrl)")]
    [InlineData("2026-11-20T12:00:00Z,Telnyx,eu,balance,USD,1", "'Telnyx' is not a provider")]
    [InlineData("2026-11-20T12:00:00Z,telnyx, ,balance,USD,1", "the account is empty")]
    [InlineData("2026-11-20T12:00:00Z,telnyx,',balance,USD,1", "the account is empty")]
    [InlineData("2026-11-20T12:00:00Z,telnyx,eu,sms,USD,1", "'sms' is not a kind of amount of telnyx (balance, pending")]
    [InlineData("2026-11-20T12:00:00Z,telnyx,eu,balance,US,1", "the currency 'US' is not a three-letter code")]
    [InlineData("2026-11-20T12:00:00Z,telnyx,eu,balance,USDC,1", "the currency 'USDC' is not a three-letter code")]
    [InlineData("2026-11-20T12:00:00Z,telnyx,eu,balance,USD,1e3", "the amount '1e3' is not an exact decimal number")]
    [InlineData("2026-11-20T12:00:00Z,telnyx,eu,balance,USD,\"1,5\"", "the amount '1,5' is not an exact decimal number")]
    [InlineData("2026-11-20T12:00:00Z,telnyx,eu,balance,USD,+1", "the amount '+1' is not an exact decimal number")]
    [InlineData("2026-11-20T12:00:00Z,telnyx,eu,balance,USD,.5", "the amount '.5' is not an exact decimal number")]
    [InlineData("2026-11-20T12:00:00Z,telnyx,eu,balance,USD, 1", "the amount ' 1' is not an exact decimal number")]
    [InlineData("2026-11-20T12:00:00Z,telnyx,eu,balance,USD,0.12345678901234567890123456789", "the amount '0.1234567890123")]
    [InlineData("2026-11-20T12:00:00Z,telnyx,eu,balance,USD,79228162514264337593543950336", "the amount '792281625142643")]
    [InlineData("2026-11-20T12:00:00Z,telnyx,\"eu,balance,USD,1", "field 3 opens a quote that the line does not close")]
    [InlineData("2026-11-20T12:00:00Z,telnyx,\"eu\"x,balance,USD,1", "field 3 has text after its closing quote")]
    [InlineData("2026-11-20T12:00:00Z,telnyx,e\"u,balance,USD,1", "field 3 holds a quote but is not quoted")]
    [InlineData("2026-11-20T12:00:00Z,telnyx,e\tu,balance,USD,1", "the account holds a control or invisible character (U+0009)")]
    [InlineData("2026-11-20T12:00:00Z,telnyx,e\u001b[2Ju,balance,USD,1", "the account holds a control or invisible character (U+001B)")]
    [InlineData("2026-11-20T12:00:00Z,telnyx,e\u202eu,balance,USD,1", "the account holds a control or invisible character (U+202E)")]
    [InlineData("2026-11-20T12:00:00Z,telnyx,eu\r,balance,USD,1", "the account holds a control or invisible character (U+000D)")]
    public async Task Import_MalformedRow_ExitsSixtyFourNamingItsLineAndStoresNothing(string row, string why)
    {
        var store = await StoreWithOneReadingAsync();
        var later = GoodRow.Replace("12:00", "13:00", StringComparison.Ordinal);
        var file = await WriteAsync("bad.csv", $"{Header}\n{GoodRow}\n\n{row}\n{later}\n");

        var run = await HistoryCli.RunAsync(store, "--import", file);

        Assert.Equal((64, string.Empty), (run.ExitCode, run.Out));
        Assert.StartsWith($"balances: --import '{file}': line 4: {why}", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("; nothing was imported.\n", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Single(await ReadAllAsync(store));
    }

    [Theory]
    [InlineData("", "line 1: the file is empty: its first line must be the header time,provider,account,kind,currency,amount")]
    [InlineData("time,provider,account,kind,amount\n", "line 1: the first line must be the header time,provider,account,kind,currency")]
    [InlineData(GoodRow + "\n", "line 1: the first line must be the header")]
    public async Task Import_HeaderMissingOrWrong_ExitsSixtyFourNamingLineOne(string text, string why)
    {
        var file = await WriteAsync("bad.csv", text);
        var store = _folder.File();

        var run = await HistoryCli.RunAsync(store, "--import", file);

        Assert.Equal(64, run.ExitCode);
        Assert.StartsWith($"balances: --import '{file}': {why}", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(store));
    }

    [Fact]
    public async Task Import_MalformedRowAfterManyGoodOnes_StoresNothingAndCreatesNoStore()
    {
        var rows = Enumerable.Range(0, 20_000).Select(i => $"{ReadingsTime(i)},mesh,m{i % 7},cash,BTC,{i}.{i % 10}");
        var file = await WriteAsync("big.csv", string.Join('\n', [Header, .. rows, "2026-11-20T12:00:00Z,mesh,m,cash,BTC,x"]));
        var store = _folder.File();

        var run = await HistoryCli.RunAsync(store, "--import", file);

        Assert.Equal(64, run.ExitCode);
        Assert.StartsWith($"balances: --import '{file}': line 20002: the amount 'x'", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(store));
    }

    [Fact]
    public async Task Import_StandardInputWithCrLfAndByteOrderMark_IsImported()
    {
        var store = _folder.File();
        var text = $"\uFEFF{Header}\r\n{GoodRow}\r\n2026-11-20T15:00:00+02:00,telnyx,eu,balance,usd,\r\n";

        var run = await HistoryCli.RunAsync(store, text, false, "--import", "-");

        Assert.Equal((0, $"imported 2 of 2 readings from standard input into {store}.\n"), (run.ExitCode, run.Out));
        Assert.Equal(
            [
                new StoredReading(Readings.Start.AddDays(-2), "telnyx", "eu", AmountKinds.Balance, "USD", 300.00m),
                new StoredReading(Readings.Start.AddDays(-2).AddHours(1), "telnyx", "eu", AmountKinds.Balance, "USD", null),
            ],
            await ReadAllAsync(store));
    }

    [Fact]
    public async Task Import_ReadingsAlreadyRecordedOrRepeated_AreCountedAndAddedOnce()
    {
        var store = await StoreWithOneReadingAsync();
        var file = await WriteAsync("again.csv", $"{Header}\n{GoodRow}\n{GoodRow.Replace("eu", "EU", StringComparison.Ordinal)}\n");

        var run = await HistoryCli.RunAsync(store, "--import", file);

        Assert.Equal((0, $"imported 0 of 2 readings from {file} into {store} (2 already recorded).\n"), (run.ExitCode, run.Out));
        Assert.Single(await ReadAllAsync(store));
    }

    [Theory]
    [InlineData("2026-11-20T00:43:46.123456+00:00")]
    [InlineData("2026-11-20T00:43:46.1234567+00:00")]
    [InlineData("2026-11-20T00:43:46.1239999Z")]
    [InlineData("2026-11-20T00:43:46.123456789Z")]
    [InlineData("\"2026-11-20T02:43:46,1234+02:00\"")]
    [InlineData("2026-11-20T00:43:46.123Z")]
    public async Task Import_TimeWithAnyNumberOfFractionDigits_IsKeptToTheMillisecondItBegins(string time)
    {
        var store = _folder.File();
        var file = await WriteAsync("fractions.csv", $"{Header}\n{time},telnyx,eu,balance,USD,1.00\n");

        var run = await HistoryCli.RunAsync(store, "--import", file);

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        Assert.Equal(
            DateTimeOffset.Parse("2026-11-20T00:43:46.123Z", System.Globalization.CultureInfo.InvariantCulture),
            Assert.Single(await ReadAllAsync(store)).Time);
    }

    [Fact]
    public async Task Import_TimesThatDifferBelowAMillisecond_AreOneReadingAsRecordedOnesAre()
    {
        var store = _folder.File();
        var file = await WriteAsync("repeated.csv", string.Join(
            '\n',
            Header,
            "2026-11-20T12:00:00.1231Z,telnyx,eu,balance,USD,1.00",
            "2026-11-20T12:00:00.123999Z,telnyx,eu,balance,USD,1.00",
            "2026-11-20T12:00:00.123+00:00,telnyx,eu,balance,USD,1.00"));

        var run = await HistoryCli.RunAsync(store, "--import", file);

        Assert.Equal((0, $"imported 1 of 3 readings from {file} into {store} (2 already recorded).\n"), (run.ExitCode, run.Out));
    }

    [Fact]
    public async Task Import_ReadingsOlderThanTheRetention_AreSaidToBeKeptOnePerHour()
    {
        var rows = Enumerable.Range(0, 12).Select(i => $"2026-08-01T12:{5 * i:00}:00Z,telnyx,eu,balance,USD,{100 - i}");
        var file = await WriteAsync("old.csv", string.Join('\n', [Header, .. rows]));
        var store = _folder.File();

        var run = await HistoryCli.RunAsync(store, "--import", file);

        Assert.Equal(
            $"imported 12 of 12 readings from {file} into {store}; those older than 90 days are kept one per hour, as recorded ones are.\n",
            run.Out);
        Assert.Equal(89m, Assert.Single(await ReadAllAsync(store)).Amount);
    }

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-eu", "'-eu")]
    [InlineData("@eu", "'@eu")]
    [InlineData("'quoted", "''quoted")]
    [InlineData("eu=1", "eu=1")]
    [InlineData("eu, \"main\"", "\"eu, \"\"main\"\"\"")]
    public async Task Csv_AccountASpreadsheetWouldRun_IsEscapedAndImportedBack(string account, string cell)
    {
        var store = _folder.File();
        await using (var created = await BalanceStore.OpenAsync(store))
        {
            await created.ImportAsync([new StoredReading(Readings.Start, "telnyx", account, AmountKinds.Balance, "USD", -1.5m)]);
        }

        var exported = await HistoryCli.RunAsync(store, "--format", "csv");
        var copy = _folder.File("copy.db");
        var imported = await HistoryCli.RunAsync(copy, exported.Out, false, "--import", "-");

        Assert.Equal($"{Header}\n2026-11-22T12:00:00.000Z,telnyx,{cell},balance,USD,-1.5\n", exported.Out);
        Assert.Equal(0, imported.ExitCode);
        Assert.Equal(account, Assert.Single(await ReadAllAsync(copy)).Account);
    }

    [Fact]
    public async Task Import_LineLongerThanSixteenKibibytes_IsRefusedByItsNumber()
    {
        var row = $"2026-11-20T12:00:00Z,telnyx,{new string('a', 17_000)},balance,USD,1";
        var file = await WriteAsync("long.csv", $"{Header}\n{GoodRow}\n{row}\n");

        var run = await HistoryCli.RunAsync(_folder.File(), "--import", file);

        Assert.Equal(64, run.ExitCode);
        Assert.StartsWith($"balances: --import '{file}': line 3: longer than 16 KiB", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_InvalidUtf8_IsRefusedByItsLine()
    {
        var file = _folder.File("latin1.csv");
        byte[] latin1 = [.. Encoding.UTF8.GetBytes($"{Header}\n2026-11-20T12:00:00Z,telnyx,"), 0xE9, .. ",balance,USD,1\n"u8];
        await File.WriteAllBytesAsync(file, latin1);

        var run = await HistoryCli.RunAsync(_folder.File(), "--import", file);

        Assert.Equal($"balances: --import '{file}': line 2: not UTF-8 text; nothing was imported.\n", run.Error);
    }

    [Fact]
    public async Task Import_MissingFile_ExitsSixtyFourNamingIt()
    {
        var file = _folder.File("missing.csv");

        var run = await HistoryCli.RunAsync(_folder.File(), "--import", file);

        Assert.Equal((64, $"balances: --import '{file}': no such file.\n"), (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task Import_ExtremeButExactAmounts_AreKeptExactly()
    {
        var file = await WriteAsync("exact.csv", string.Join('\n',
            Header,
            "2026-11-20T12:00:00Z,mesh,m,cash,BTC,-79228162514264337593543950335",
            "2026-11-20T12:00:01Z,mesh,m,cash,BTC,0.0000000000000000000000000001",
            "2026-11-20T12:00:02Z,mesh,m,cash,BTC,007.50",
            "2026-11-20T12:00:03Z,mesh,m,cash,BTC,-0.000"));
        var store = _folder.File();

        Assert.Equal(0, (await HistoryCli.RunAsync(store, "--import", file)).ExitCode);

        Assert.Equal(
            ["-79228162514264337593543950335", "0.0000000000000000000000000001", "7.50", "0.000"],
            (await ReadAllAsync(store)).Select(r => r.Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string ReadingsTime(int i) => (Readings.Start.AddDays(-75) + TimeSpan.FromMinutes(5 * i)).UtcDateTime
        .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> StoreWithOneReadingAsync()
    {
        await using var store = await BalanceStore.OpenAsync(_folder.File());
        await store.ImportAsync([new StoredReading(Readings.Start.AddDays(-2), "telnyx", "eu", AmountKinds.Balance, "USD", 300.00m)]);
        return store.Path;
    }

    private async Task<string> WriteAsync(string name, string text)
    {
        var file = _folder.File(name);
        await File.WriteAllTextAsync(file, text);
        return file;
    }

    private static async Task<List<StoredReading>> ReadAllAsync(string file)
    {
        await using var store = await BalanceStore.OpenAsync(file);
        return await store.ReadAsync().ToListAsync();
    }
}
