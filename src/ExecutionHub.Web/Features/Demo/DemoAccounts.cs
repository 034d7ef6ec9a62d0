using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;

namespace ExecutionHub.Web.Features.Demo;

/// <summary>The demo accounts, one or more per role (the README lists them). Scope names refer to demo org units.</summary>
public static class DemoAccounts
{
    /// <param name="StaffNumber">A judge's staff number (工号) at the court, by which the court's case system names them.</param>
    public sealed record Account(string UserName, string DisplayName, string Role, string? Street = null, string? Grid = null, string? Agency = null, string? StaffNumber = null);

    /// <summary>
    /// The password the README publishes and the shipped appsettings.json sets (<c>Demo:Password</c>): an
    /// account that still has it can be used by anyone, whatever the configuration says today.
    /// </summary>
    public const string PublishedPassword = "Demo#Pass2026";

    /// <summary>Every grid without a named worker gets <c>grid.w01</c>, <c>grid.w02</c>, … (the seeder numbers them).</summary>
    public const string GridWorkerPrefix = "grid.w";

    public const string CourtName = "上海市杨浦区人民法院";
    public const string CourtCode = "沪0110";

    public static readonly IReadOnlyList<Account> All =
    [
        new("admin", "系统管理员", Roles.Administrator),
        new("judge.wang", "王振华", Roles.Judge, StaffNumber: "011021"),
        new("judge.li", "李晓梅", Roles.Judge, StaffNumber: "011037"),
        new("coord.chen", "陈静", Roles.Coordinator, Street: "平凉路街道"),
        new("coord.zhao", "赵磊", Roles.Coordinator, Street: "定海路街道"),
        new("grid.liu", "刘建国", Roles.GridWorker, Grid: "平凉一居委第1网格"),
        new("grid.sun", "孙丽", Roles.GridWorker, Grid: "河间路居委第1网格"),
        new("street.huang", "黄伟", Roles.StreetOfficer, Street: "平凉路街道"),
        new("police.xu", "徐强", Roles.PartnerAgent, Agency: "杨浦公安分局平凉路派出所"),
        new("hr.he", "何芳", Roles.PartnerAgent, Agency: "杨浦区人力资源和社会保障局"),
    ];

    public static readonly (string Name, PartnerAgencyKind Kind)[] Agencies =
    [
        ("杨浦公安分局平凉路派出所", PartnerAgencyKind.Police),
        ("上海市杨浦区人民检察院", PartnerAgencyKind.Procuratorate),
        ("上海市杨浦区司法局", PartnerAgencyKind.JusticeBureau),
        ("杨浦区人力资源和社会保障局", PartnerAgencyKind.HumanResourcesAndSocialSecurity),
    ];

    public static string GridWorkerUserName(int number) => $"{GridWorkerPrefix}{number:00}";

    /// <summary>Whether a user name is one the demo seeding gives out (a listed account or a numbered grid worker).</summary>
    public static bool IsDemoUserName(string? userName) =>
        userName is not null
        && (All.Any(a => string.Equals(a.UserName, userName, StringComparison.OrdinalIgnoreCase))
            || (userName.Length == GridWorkerPrefix.Length + 2
                && userName.StartsWith(GridWorkerPrefix, StringComparison.OrdinalIgnoreCase)
                && char.IsAsciiDigit(userName[^2]) && char.IsAsciiDigit(userName[^1])));
}
