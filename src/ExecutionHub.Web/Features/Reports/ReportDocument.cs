using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ExecutionHub.Web.Features.Statistics;
using ExecutionHub.Web.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Reports;

/// <summary>
/// A report as an editable Word/WPS document: a title, each section under a heading with its
/// figures as real tables (the same cells as the screen, "&lt;3" and "*" included), the warnings and
/// the suggestions. Chinese text is set in 宋体 (headings 黑体) through the styles, so WPS and Word
/// show it alike; each section after the first starts a new page.
/// </summary>
public static class ReportDocument
{
    private const string BodyFont = "宋体";
    private const string HeadingFont = "黑体";
    private const string LatinFont = "Times New Roman";
    private const int TextWidthTwips = 9026; // A4 less 2.5 cm margins

    public static byte[] Write(ReportView report, IStringLocalizer localizer)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            Compose(body, report, localizer);
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1418, Right = 1418U, Bottom = 1418, Left = 1418U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(body);
            document.PackageProperties.Title = report.Title(localizer);
            document.PackageProperties.Creator = localizer["App.Name"];
            document.PackageProperties.Created = report.GeneratedAtUtc;
        }

        return stream.ToArray();
    }

    private static void Compose(Body body, ReportView report, IStringLocalizer localizer)
    {
        var content = report.Content;
        body.Append(Paragraph(report.Title(localizer), "Title"));
        body.Append(Paragraph(Line(localizer, "Report.Street", report.StreetName)));
        body.Append(Paragraph(Line(localizer, "Report.PeriodRange", StatisticsExport.Range(content.Period))));
        body.Append(Paragraph(Line(localizer, "Report.PreviousRange", StatisticsExport.Range(content.Previous))));
        body.Append(Paragraph(Line(localizer, "Report.FiguresAsOf", ChinaTime.Format(content.AsOfUtc))));
        body.Append(Paragraph(report.IsDraft
            ? localizer["Report.DraftNotice"]
            : Line(localizer, "Report.PublishedAt", ChinaTime.Format(report.PublishedAtUtc ?? report.GeneratedAtUtc))));
        body.Append(Paragraph(localizer["Statistics.Legend"]));

        var first = true;
        foreach (var (key, ids) in ReportSections.Figures)
        {
            body.Append(Heading(localizer[$"Report.Section.{key}"], 1, pageBreak: !first));
            body.Append(Paragraph(localizer[$"Report.Section.{key}.Intro"]));
            foreach (var table in ReportSections.TablesOf(content, ids))
            {
                AppendTable(body, table, localizer);
            }

            first = false;
        }

        body.Append(Heading(localizer[$"Report.Section.{ReportSections.Warnings}"], 1, pageBreak: true));
        if (content.Warnings is { Rows.Count: 0 })
        {
            body.Append(Paragraph(localizer["Report.NoWarningsInPeriod"]));
        }
        else if (content.Warnings is { } warnings)
        {
            AppendTable(body, warnings, localizer);
        }
        else
        {
            body.Append(Paragraph(localizer["Report.NoWarnings"]));
        }

        body.Append(Heading(localizer[$"Report.Section.{ReportSections.Suggestions}"], 1, pageBreak: false));
        var lines = report.SuggestionLines();
        foreach (var line in lines.Length == 0 ? [localizer["Report.NoSuggestions"].Value] : lines)
        {
            body.Append(Paragraph(line));
        }
    }

    private static void AppendTable(Body body, StatTable table, IStringLocalizer localizer)
    {
        body.Append(Heading(localizer[$"Statistics.Table.{table.Id}"], 2, pageBreak: false));
        body.Append(Paragraph(localizer[$"Statistics.Table.{table.Id}.Definition"], size: 18));
        var columns = table.Columns.Count + 1;
        var width = TextWidthTwips / columns;
        var grid = new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = width.ToString(CultureInfo.InvariantCulture) }));
        var borders = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4U, Color = "auto" },
            new LeftBorder { Val = BorderValues.Single, Size = 4U, Color = "auto" },
            new BottomBorder { Val = BorderValues.Single, Size = 4U, Color = "auto" },
            new RightBorder { Val = BorderValues.Single, Size = 4U, Color = "auto" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "auto" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Color = "auto" });
        var result = new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, borders),
            grid);

        var header = new TableRow(new TableRowProperties(new TableHeader()));
        header.Append(Cell(localizer[$"Statistics.Table.{table.Id}.Rows"], width, bold: true, shaded: true, right: false));
        foreach (var column in table.Columns)
        {
            header.Append(Cell(column.Header.Localize(localizer), width, bold: true, shaded: true, right: true));
        }

        result.Append(header);
        foreach (var row in table.Rows)
        {
            var strong = row.Kind != StatRowKind.Item;
            var tableRow = new TableRow(Cell(row.Label.Localize(localizer), width, strong, shaded: false, right: false));
            for (var i = 0; i < row.Cells.Count; i++)
            {
                tableRow.Append(Cell(row.Cells[i].Format(row.MeasureIn(table.Columns[i]), CultureInfo.CurrentCulture), width, strong, shaded: false, right: true));
            }

            result.Append(tableRow);
        }

        body.Append(result);
        body.Append(Paragraph(""));
    }

    private static TableCell Cell(string text, int width, bool bold, bool shaded, bool right)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shaded)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E7E6E6" });
        }

        var paragraphProperties = new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" });
        if (right)
        {
            paragraphProperties.Append(new Justification { Val = JustificationValues.Right });
        }

        var runProperties = new RunProperties();
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        runProperties.Append(new FontSize { Val = "18" });
        return new TableCell(properties, new Paragraph(paragraphProperties, new Run(runProperties, Text(text))));
    }

    private static Paragraph Heading(string text, int level, bool pageBreak)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" });
        if (pageBreak)
        {
            properties.Append(new PageBreakBefore());
        }

        return new Paragraph(properties, new Run(Text(text)));
    }

    private static Paragraph Paragraph(string text, string? style = null, int? size = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        var run = new Run();
        if (size is { } half)
        {
            run.Append(new RunProperties(new FontSize { Val = half.ToString(CultureInfo.InvariantCulture) }));
        }

        run.Append(Text(text));
        paragraph.Append(run);
        return paragraph;
    }

    private static Text Text(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    private static string Line(IStringLocalizer localizer, string key, string value) =>
        string.Format(CultureInfo.CurrentCulture, localizer["Common.LabelValue"], localizer[key], value);

    private static RunFonts Fonts(string eastAsia, string latin) => new() { Ascii = latin, HighAnsi = latin, EastAsia = eastAsia, ComplexScript = latin };

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(BodyFont, LatinFont),
                new FontSize { Val = "21" },
                new FontSizeComplexScript { Val = "21" },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "300", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        new Style(
            new StyleName { Val = "Title" },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { Before = "240", After = "360" }, new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(Fonts(HeadingFont, LatinFont), new Bold(), new FontSize { Val = "36" }))
        { Type = StyleValues.Paragraph, StyleId = "Title" },
        HeadingStyle(1, "32"),
        HeadingStyle(2, "24"));

    private static Style HeadingStyle(int level, string size) => new(
        new StyleName { Val = $"heading {level}" },
        new BasedOn { Val = "Normal" },
        new NextParagraphStyle { Val = "Normal" },
        new PrimaryStyle(),
        new StyleParagraphProperties(
            new KeepNext(),
            new SpacingBetweenLines { Before = level == 1 ? "360" : "240", After = "120" },
            new OutlineLevel { Val = level - 1 }),
        new StyleRunProperties(Fonts(HeadingFont, LatinFont), new Bold(), new FontSize { Val = size }))
    {
        Type = StyleValues.Paragraph,
        StyleId = $"Heading{level}",
    };
}
