using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Imports;
using Mediator;

namespace ExecutionHub.Web.Features.Api;

public static class ImportEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/imports/ledger", ImportAsync)
            .RequireAuthorization(ApiServices.PolicyFor(ApiScopes.ImportsWrite))
            .WithName("ImportLedger")
            .WithSummary("Import a historical ledger (CSV or XLSX)")
            .WithDescription("The body is the ledger as CSV (UTF-8 or GB18030; Content-Type text/csv) or XLSX (first sheet; Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet), at most 5 MiB (a larger body is 413), header row required, columns in this order: case_number, matter_type, source, street, community, target_name, target_id_number, received_at, dispatched_at, fed_back_at, closed_at, outcome, notes. street (query) names a street of this client's court by its code or its id (GET /api/v1/streets); an unknown street, or another court's, is 422 with errors.street. Every row's street column must name that street, by name or code; the community column (optional) names one of its communities by name or code. All or nothing: a file with any bad row changes nothing and answers 422 (code ledger.rejected) whose rows name each bad row, column, code (ledger.*), reason, the cell's value and, where the column takes a list, the allowed values (an unknown community lists the street's communities by name and code); an empty or unreadable file, or a wrong header, is row 1 of column header. Importing the same file again adds nothing (duplicatesSkipped). status says what happened: imported, nothing_new (every row already imported: a success), checked (a dry run that would import) or rejected. dryRun=true checks and counts without saving. judgeId is the judge given to cases not yet in ExecutionHub: an active judge of the court by id, staff number or user name (GET /api/v1/judges); an unknown one is 422 with errors.judgeId.")
            .Accepts<string>("text/csv", XlsxContentType)
            .Produces<LedgerImportReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<IResult> ImportAsync(string? street, bool? dryRun, string? judgeId, HttpRequest request, ISender sender, CancellationToken cancellationToken)
    {
        // A declared length over the limit is refused before anything else, unread.
        if (request.ContentLength > LedgerFile.MaxBytes)
        {
            return ApiBody.TooLarge(LedgerFile.MaxBytes);
        }

        if (string.IsNullOrWhiteSpace(street))
        {
            return ApiProblems.Invalid("street", "Api.StreetRequired");
        }

        // One byte over the limit is enough for the validator to refuse the file without reading it all.
        using var content = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0 && content.Length <= LedgerFile.MaxBytes)
        {
            content.Write(buffer, 0, read);
        }

        if (content.Length > LedgerFile.MaxBytes)
        {
            return ApiBody.TooLarge(LedgerFile.MaxBytes);
        }

        if (content.Length == 0)
        {
            // A bad file answers in one shape, whatever is wrong with it: 422 with the rows (here the file itself).
            return Rejected(new LedgerImportReport(dryRun ?? false, false, 0, 0, 0, 0,
                [LedgerRowError.Of(1, LedgerFile.Header, "Import.Error.EmptyFile")], []));
        }

        // The format follows the body's declared type: a spreadsheet as Excel saves it, anything else as CSV.
        var xlsx = string.Equals(request.GetTypedHeaders().ContentType?.MediaType.Value, XlsxContentType, StringComparison.OrdinalIgnoreCase);
        LedgerImportReport report;
        try
        {
            report = await sender.Send(
                new ImportLedger(content.ToArray(), xlsx ? LedgerFormat.Xlsx : LedgerFormat.Csv, xlsx ? "api.xlsx" : "api.csv", dryRun ?? false, judgeId, street), cancellationToken);
        }
        catch (FluentValidation.ValidationException invalid)
        {
            // The query's names (judgeId, street), not a referral body's (case.judge).
            return ApiProblems.Validation(invalid, property => property switch
            {
                nameof(ImportLedger.JudgeId) => "judgeId",
                nameof(ImportLedger.Street) => "street",
                _ => ApiFieldNames.Of(property),
            });
        }

        return report.HasErrors ? Rejected(report) : TypedResults.Ok(report);
    }

    /// <summary>422 <c>ledger.rejected</c>: each bad row (or the file, as row 1 column <c>header</c>) with its code, the cell's value and, where there is a list, the values allowed.</summary>
    private static IResult Rejected(LedgerImportReport report) => ApiProblems.Problem(
        ApiErrorCodes.LedgerRejected,
        extensions: new Dictionary<string, object?>
        {
            ["importStatus"] = report.Status,
            ["rows"] = report.Errors.Select(e => new ApiRowError(e.Row, e.Column, ApiErrorCodes.ForRow(e.Key), e.Reason, e.Value, e.Allowed)).ToList(),
            ["rowsRead"] = report.RowsRead,
        });
}
