namespace ExecutionHub.Web.Infrastructure.Storage;

/// <summary>
/// Decides what an evidence file is from its first bytes, never from its name or the browser's
/// claim: a script renamed to photo.jpg is still a script, and is refused.
/// </summary>
public static class EvidenceContent
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs to recognise every allowed type.</summary>
    public const int HeaderLength = 12;

    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string WebP = "image/webp";
    public const string Heic = "image/heic";
    public const string Pdf = "application/pdf";

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> Riff => "RIFF"u8;
    private static ReadOnlySpan<byte> WebPTag => "WEBP"u8;
    private static ReadOnlySpan<byte> FileTypeBox => "ftyp"u8;

    /// <summary>ISO-BMFF brands of HEIF still images as phone cameras write them.</summary>
    private static readonly string[] HeicBrands = ["heic", "heix", "heim", "heis", "mif1", "msf1"];

    /// <summary>
    /// Whether a browser may show the file in place: a plain raster image, which runs no script and
    /// carries no links. Everything else (a PDF, a HEIC photo) is served as a download.
    /// </summary>
    public static bool IsPlainImage(string contentType) => contentType is Jpeg or Png or WebP;

    /// <summary>The file-name extensions that fit a detected type, the usual one first; none for an unknown type.</summary>
    public static IReadOnlyList<string> ExtensionsOf(string contentType) => contentType switch
    {
        Jpeg => [".jpg", ".jpeg"],
        Png => [".png"],
        WebP => [".webp"],
        Heic => [".heic", ".heif"],
        Pdf => [".pdf"],
        _ => [],
    };

    /// <summary>The content type of an allowed evidence file starting with <paramref name="header"/>, or null.</summary>
    public static string? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(JpegMagic))
        {
            return Jpeg;
        }

        if (header.StartsWith(PngMagic))
        {
            return Png;
        }

        if (header.StartsWith(PdfMagic))
        {
            return Pdf;
        }

        if (header.Length >= 12 && header.StartsWith(Riff) && header[8..12].SequenceEqual(WebPTag))
        {
            return WebP;
        }

        if (header.Length >= 12 && header[4..8].SequenceEqual(FileTypeBox)
            && HeicBrands.Contains(System.Text.Encoding.ASCII.GetString(header[8..12])))
        {
            return Heic;
        }

        return null;
    }

    /// <summary>
    /// Reads the header of <paramref name="content"/> and detects its type, without consuming it:
    /// the returned stream replays the header and then the rest, so uploads need not be seekable.
    /// </summary>
    public static async Task<(string? ContentType, Stream Content)> SniffAsync(Stream content, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderLength];
        var read = await content.ReadAtLeastAsync(header, HeaderLength, throwOnEndOfStream: false, cancellationToken);
        return (Detect(header.AsSpan(0, read)), new ReplayStream(header.AsMemory(0, read), content));
    }

    /// <summary>A read-only stream that yields some already-read bytes, then the rest of the source.</summary>
    private sealed class ReplayStream(ReadOnlyMemory<byte> head, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> head = head;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (head.IsEmpty)
            {
                return rest.Read(buffer);
            }

            var n = Math.Min(buffer.Length, head.Length);
            head.Span[..n].CopyTo(buffer);
            head = head[n..];
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (head.IsEmpty)
            {
                return rest.ReadAsync(buffer, cancellationToken);
            }

            var n = Math.Min(buffer.Length, head.Length);
            head.Span[..n].CopyTo(buffer.Span);
            head = head[n..];
            return ValueTask.FromResult(n);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
