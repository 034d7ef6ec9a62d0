using System.Text;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using FluentValidation;
using Mediator;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Imports;

/// <summary>The ledger template: the header row and one example row in the coordinator's own street, as CSV or XLSX.</summary>
[Allowed(Roles.Coordinator)]
public sealed record GetLedgerTemplate(LedgerFormat Format) : IQuery<LedgerTemplate>;

public sealed record LedgerTemplate(string FileName, string ContentType, byte[] Content);

public sealed class GetLedgerTemplateValidator : AbstractValidator<GetLedgerTemplate>
{
    public GetLedgerTemplateValidator() => RuleFor(x => x.Format).IsInEnum();
}

public sealed class GetLedgerTemplateHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetLedgerTemplate, LedgerTemplate>
{
    public async ValueTask<LedgerTemplate> Handle(GetLedgerTemplate query, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var street = await db.Streets.AsNoTracking().Where(s => s.Id == me.StreetId)
            .Select(s => new { s.Name, CaseCode = db.Courts.Where(c => c.Id == s.CourtId).Select(c => c.CaseCode).Single() })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new RequestRefusedException("Error.NotAllowed", "a coordinator without a street");
        var community = await db.Communities.AsNoTracking().Where(c => c.StreetId == me.StreetId).OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        var example = Example(street.Name, community, street.CaseCode, ChinaTime.Today(clock));
        var stamp = ChinaTime.Today(clock).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return query.Format == LedgerFormat.Xlsx
            ? new LedgerTemplate($"ledger-template-{stamp}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", await XlsxAsync(example, cancellationToken))
            : new LedgerTemplate($"ledger-template-{stamp}.csv", "text/csv", Csv(example));
    }

    /// <summary>A whereabouts matter received a week ago, dispatched, fed back the next day and found, with a valid example ID number.</summary>
    public static IReadOnlyList<string> Example(string street, string community, string caseCode, DateOnly today)
    {
        var received = today.AddDays(-7);
        const string first17 = "31011019850202345";
        string At(DateOnly day, string time) => $"{day:yyyy-MM-dd}T{time}+08:00";
        return
        [
            $"({today.Year}){caseCode}执1号", "whereabouts", "court", street, community, "张三", first17 + IdentityNumbers.ResidentIdCheckChar(first17),
            At(received, "09:30:00"), At(received, "10:15:00"), At(received.AddDays(1), "16:00:00"), "", "found", "已核实现居住地址及作息规律",
        ];
    }

    /// <summary>UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly; every field quoted.</summary>
    public static byte[] Csv(IReadOnlyList<string> example)
    {
        static string Line(IEnumerable<string> cells) => string.Join(',', cells.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        var text = Line(LedgerFile.Columns) + "\r\n" + Line(example) + "\r\n";
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }

    public static async Task<byte[]> XlsxAsync(IReadOnlyList<string> example, CancellationToken cancellationToken = default)
    {
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < LedgerFile.Columns.Count; i++)
        {
            row[LedgerFile.Columns[i]] = example[i];
        }

        using var output = new MemoryStream();
        await MiniExcel.SaveAsAsync(output, new[] { row }, printHeader: true, sheetName: "ledger", excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        return output.ToArray();
    }
}
