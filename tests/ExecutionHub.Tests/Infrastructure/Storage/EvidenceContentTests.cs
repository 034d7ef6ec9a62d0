using System.Text;
using ExecutionHub.Web.Infrastructure.Storage;

namespace ExecutionHub.Tests.Infrastructure.Storage;

public sealed class EvidenceContentTests
{
    private static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Cat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static TheoryData<string, byte[]> Allowed => new()
    {
        { "image/jpeg", Bytes("FF D8 FF E0 00 10 4A 46 49 46 00 01") },
        { "image/jpeg", Bytes("FF D8 FF E1 12 34 45 78 69 66 00 00") },
        { "image/png", Bytes("89 50 4E 47 0D 0A 1A 0A 00 00 00 0D") },
        { "image/webp", Cat(Ascii("RIFF"), [0x24, 0x00, 0x00, 0x00], Ascii("WEBPVP8 ")) },
        { "image/heic", Cat([0x00, 0x00, 0x00, 0x18], Ascii("ftypheic"), [0x00, 0x00]) },
        { "image/heic", Cat([0x00, 0x00, 0x00, 0x1C], Ascii("ftypmif1")) },
        { "application/pdf", Ascii("%PDF-1.4\n%âãÏÓ") },
    };

    public static TheoryData<byte[]> Refused => new()
    {
        Array.Empty<byte>(),
        Ascii("plain text pretending to be a photo"),
        Ascii("<svg xmlns='http://www.w3.org/2000/svg'/>"),
        Ascii("<html><script>alert(1)</script>"),
        Ascii("GIF89a\x01\x00\x01\x00"),
        Bytes("4D 5A 90 00 03 00 00 00 04 00 00 00"),
        Bytes("50 4B 03 04 14 00 06 00 08 00 00 00"),
        Cat(Ascii("RIFF"), [0x24, 0x00, 0x00, 0x00], Ascii("WAVEfmt ")),
        Cat([0x00, 0x00, 0x00, 0x18], Ascii("ftypmp42"), [0x00, 0x00]),
        Bytes("FF D8"),
        Ascii("%PDF"),
        Ascii(" %PDF-1.4"),
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void An_allowed_type_is_recognised_from_its_first_bytes(string expected, byte[] header) =>
        Assert.Equal(expected, EvidenceContent.Detect(header));

    [Theory]
    [MemberData(nameof(Refused))]
    public void Anything_else_is_not_an_allowed_type(byte[] header) =>
        Assert.Null(EvidenceContent.Detect(header));

    [Fact]
    public async Task Sniffing_a_stream_that_cannot_seek_still_hands_on_every_byte()
    {
        var content = Ascii("%PDF-1.7\n" + new string('x', 100_000));
        await using var source = new ForwardOnlyStream(content);

        var (type, replay) = await EvidenceContent.SniffAsync(source, CancellationToken.None);
        using var copy = new MemoryStream();
        await replay.CopyToAsync(copy);

        Assert.Equal("application/pdf", type);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Sniffing_a_stream_shorter_than_the_header_hands_on_what_there_is()
    {
        var (type, replay) = await EvidenceContent.SniffAsync(new MemoryStream(Bytes("FF D8 FF")), CancellationToken.None);
        using var copy = new MemoryStream();
        await replay.CopyToAsync(copy);

        Assert.Equal("image/jpeg", type);
        Assert.Equal(Bytes("FF D8 FF"), copy.ToArray());
    }

    /// <summary>Like a browser upload: reads in small pieces and cannot seek.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 7));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 7)], cancellationToken);
    }
}
