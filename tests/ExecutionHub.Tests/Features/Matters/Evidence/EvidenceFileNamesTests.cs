using ExecutionHub.Web.Features.Matters.Evidence;
using ExecutionHub.Web.Infrastructure.Storage;

namespace ExecutionHub.Tests.Features.Matters.Evidence;

public sealed class EvidenceFileNamesTests
{
    [Theory]
    [InlineData("门牌照片.png", EvidenceContent.Png, "门牌照片.png")]
    [InlineData("photo.JPEG", EvidenceContent.Jpeg, "photo.JPEG")]
    [InlineData("photo.jpg", EvidenceContent.Jpeg, "photo.jpg")]
    [InlineData("invoice.html", EvidenceContent.Pdf, "invoice.pdf")]
    [InlineData("scan.pdf.exe", EvidenceContent.Pdf, "scan.pdf")]
    [InlineData("photo", EvidenceContent.WebP, "photo.webp")]
    [InlineData("IMG_0001.svg", EvidenceContent.Heic, "IMG_0001.heic")]
    [InlineData(".html", EvidenceContent.Png, "evidence.png")]
    public void Should_give_the_name_the_extension_of_the_detected_type(string given, string contentType, string expected)
    {
        Assert.Equal(expected, EvidenceFileNames.Clean(given, contentType));
    }

    [Theory]
    [InlineData("\u202Egpj.exe", "gpj.png")]
    [InlineData("a\u202Ab\u202Bc\u202Cd\u202De.png", "abcde.png")]
    [InlineData("\u2066x\u2067y\u2068z\u2069.png", "xyz.png")]
    [InlineData("\u200Eleft\u200Fright.png", "leftright.png")]
    public void Should_strip_bidirectional_controls_from_the_name(string given, string expected)
    {
        Assert.Equal(expected, EvidenceFileNames.Clean(given, EvidenceContent.Png));
    }

    [Fact]
    public void Should_keep_only_the_last_path_segment_and_drop_control_characters()
    {
        Assert.Equal("photo.png", EvidenceFileNames.Clean("..\\..\\dir/ph\u0000oto\r\n.png", EvidenceContent.Png));
    }

    [Theory]
    [InlineData(EvidenceContent.Png, true)]
    [InlineData(EvidenceContent.Jpeg, true)]
    [InlineData(EvidenceContent.WebP, true)]
    [InlineData(EvidenceContent.Pdf, false)]
    [InlineData(EvidenceContent.Heic, false)]
    public void Only_plain_images_may_be_shown_in_place(string contentType, bool plain)
    {
        Assert.Equal(plain, EvidenceContent.IsPlainImage(contentType));
    }
}
