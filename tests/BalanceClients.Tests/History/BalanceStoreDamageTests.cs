using BalanceClients.History;

namespace BalanceClients.Tests.History;

/// <summary>
/// Damage that opening a store does not read (it reads no row whole): what reads and writes it later say is "is damaged", one line
/// naming the file, whatever SQLite reports underneath.
/// </summary>
public sealed class BalanceStoreDamageTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // The series table's row renumbered under its index: the index finds the series, the readings' foreign key then does not.
    [Fact]
    public async Task RecordAsync_IndexThatPointsAtAMissingRow_IsDamagedNotAConstraintError()
    {
        var file = await _folder.StoreWithAReadingAsync();
        StoreFolder.WriteByte(file, StoreFolder.LastSeriesRow(file) + 1, 100);
        await using var store = await BalanceStore.OpenAsync(file);

        var exception = await Assert.ThrowsAsync<BalanceStoreException>(
            () => store.RecordAsync(Readings.Telnyx("eu", Readings.Start.AddMinutes(5), 90m)));

        Assert.Equal(
            (BalanceStoreErrorKind.Damaged,
                $"{file} is damaged: its tables and their indexes disagree (SQLite reports a broken constraint)."),
            (exception.Kind, exception.Message));
    }

    // The record of ("telnyx", "eu", "available_credit", "USD") made to say (id, "telnyx", NULL, "euavailable_credit", "USD"), as two
    // flipped bytes would: a well-formed row whose account, which the schema says is never null, is null.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadAsync_NullWhereASeriesHasItsAccount_IsDamaged(bool readOnly)
    {
        var file = await _folder.StoreWithAReadingAsync();
        var row = StoreFolder.LastSeriesRow(file);
        StoreFolder.WriteByte(file, row + 5, 0);
        StoreFolder.WriteByte(file, row + 6, (byte)(13 + (2 * "euavailable_credit".Length)));
        await using var store = readOnly ? await BalanceStore.OpenReadOnlyAsync(file) : await BalanceStore.OpenAsync(file);

        var exception = await Assert.ThrowsAsync<BalanceStoreException>(() => store.ReadAsync().ToListAsync());

        Assert.Equal(
            (BalanceStoreErrorKind.Damaged, $"{file} is damaged: it holds an empty or mistyped value where a reading needs one."),
            (exception.Kind, exception.Message));
    }
}
