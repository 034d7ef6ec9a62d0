using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;

namespace ExecutionHub.Web.Features.Demo;

/// <summary>The demo accounts, one or more per role (the README lists them). Scope names refer to demo org units.</summary>
public static class DemoAccounts
{
    public sealed record Account(string UserName, string DisplayName, string Role, string? Street = null, string? Grid = null, string? Agency = null);

    public const string CourtName = "上海市杨浦区人民法院";
    public const string CourtCode = "沪0110";

    public static readonly IReadOnlyList<Account> All =
    [
        new("admin", "系统管理员", Roles.Administrator),
        new("judge.wang", "王振华", Roles.Judge),
        new("judge.li", "李晓梅", Roles.Judge),
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
}
