namespace ExecutionHub.Web.Infrastructure.Export;

/// <summary>Writes a table in the chosen format.</summary>
public static class ExportWriter
{
    public static Task WriteAsync(ExportTable table, ExportFormat format, Stream output, CancellationToken cancellationToken = default) =>
        format == ExportFormat.Xlsx
            ? XlsxExportWriter.WriteAsync(table, output, cancellationToken)
            : CsvExportWriter.WriteAsync(table, output, cancellationToken);
}
