using System.Text;

namespace BalanceClients.Providers;

/// <summary>
/// How a secret shows inside base64 or base64url text: alone (<c>base64(key)</c>) or within a larger value
/// (<c>base64("user:" + key)</c>, as HTTP basic authentication sends it). Base64 writes 3 bytes as 4 characters, so the
/// characters that carry the secret depend on where its UTF-8 bytes start within a 3-byte group: 0, 1 or 2 bytes in. Each
/// alignment gives one run of characters: those wholly made of the secret's bits are fixed, and the one or two at its ends
/// that share their bits with a neighbouring byte (or with padding) may be any character with the secret's bits.
/// </summary>
internal static class Base64Forms
{
    private const string Standard = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private const string Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private const int BitsPerCharacter = 6;

    /// <summary>The three runs of a secret: for each alignment, every character that carries a bit of it, in order.</summary>
    /// <param name="secret">The secret, encoded as UTF-8 before base64.</param>
    /// <returns>For each alignment, the characters that may stand at each position (of either alphabet).</returns>
    public static IEnumerable<IReadOnlyList<char[]>> Of(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        for (var offset = 0; offset < 3; offset++)
        {
            yield return Run(bytes, offset);
        }
    }

    private static List<char[]> Run(byte[] secret, int offset)
    {
        var (first, end) = (offset * 8, (offset + secret.Length) * 8);
        var run = new List<char[]>();
        for (var character = first / BitsPerCharacter; character * BitsPerCharacter < end; character++)
        {
            var (known, value) = (0, 0);
            for (var bit = 0; bit < BitsPerCharacter; bit++)
            {
                var position = (character * BitsPerCharacter) + bit - first;
                if (position >= 0 && position < end - first)
                {
                    var weight = 1 << (BitsPerCharacter - 1 - bit);
                    known |= weight;
                    value |= ((secret[position / 8] >> (7 - (position % 8))) & 1) == 1 ? weight : 0;
                }
            }

            run.Add([.. Enumerable.Range(0, 1 << BitsPerCharacter)
                .Where(candidate => (candidate & known) == value)
                .SelectMany(candidate => new[] { Standard[candidate], Url[candidate] })
                .Distinct()]);
        }

        return run;
    }
}
