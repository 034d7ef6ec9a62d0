namespace ExecutionHub.Web.Features.Demo;

/// <summary>Word lists the demo generator draws from; fictitious, but shaped like the real thing.</summary>
internal static class DemoNames
{
    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
    ];

    public static readonly string[] GivenNameChars =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
        "刚", "桂", "英", "华", "建", "国", "文", "辉", "玲", "红", "鹏", "宇", "浩", "晨", "欣", "婷", "佳", "俊", "海", "斌",
        "志", "德", "玉", "兰", "春", "梅", "宏", "新", "荣", "雪", "琳", "晓", "东", "云", "峰", "丹", "凯", "萍", "倩", "颖",
    ];

    public static readonly string[] CompanyWords =
    [
        "宏盛", "锦程", "恒泰", "鑫源", "华茂", "瑞丰", "东方", "金鼎", "新禾", "隆昌", "申达", "浦江", "永兴", "盛世", "佳和", "天行",
    ];

    /// <summary>(案由, industry, typical amount range in yuan, share of respondents that are organisations).</summary>
    public static readonly (string Cause, string Industry, int Min, int Max, double OrgShare)[] Causes =
    [
        ("民间借贷纠纷", "个人借贷", 20_000, 800_000, 0.05),
        ("生命权、身体权、健康权纠纷", "生活服务", 5_000, 120_000, 0.1),
        ("商品房预售合同纠纷", "房地产", 150_000, 2_000_000, 1.0),
        ("劳动争议", "餐饮住宿", 8_000, 90_000, 1.0),
        ("追索劳动报酬纠纷", "建筑业", 10_000, 150_000, 0.9),
        ("物业服务合同纠纷", "物业管理", 2_000, 30_000, 0.0),
        ("房屋租赁合同纠纷", "房地产", 10_000, 300_000, 0.3),
        ("买卖合同纠纷", "批发零售", 30_000, 600_000, 0.7),
        ("机动车交通事故责任纠纷", "交通运输", 10_000, 400_000, 0.2),
        ("装饰装修合同纠纷", "建筑业", 20_000, 250_000, 0.6),
        ("信用卡纠纷", "金融", 10_000, 200_000, 0.0),
        ("服务合同纠纷", "生活服务", 5_000, 80_000, 0.5),
    ];

    public static readonly Dictionary<string, string> CompanySuffixByIndustry = new()
    {
        ["房地产"] = "置业有限公司",
        ["餐饮住宿"] = "餐饮管理有限公司",
        ["建筑业"] = "建筑工程有限公司",
        ["批发零售"] = "商贸有限公司",
        ["交通运输"] = "物流有限公司",
        ["生活服务"] = "服务有限公司",
        ["个人借贷"] = "投资咨询有限公司",
        ["物业管理"] = "物业管理有限公司",
        ["金融"] = "投资管理有限公司",
    };

    /// <summary>
    /// Street (with its administrative division code) → its residents' committees and the roads they lie on. A committee's
    /// code is the street's nine digits and its place in the list (310110002001 for 平凉一居委).
    /// </summary>
    public static readonly (string Street, string Code, (string Community, string Road)[] Communities)[] Streets =
    [
        ("平凉路街道", "310110002",
        [
            ("平凉一居委", "平凉路"), ("河间路居委", "河间路"), ("眉州路居委", "眉州路"), ("兰州路居委", "兰州路"),
            ("齐齐哈尔路居委", "齐齐哈尔路"), ("松潘路居委", "松潘路"),
        ]),
        ("定海路街道", "310110001",
        [
            ("定海一居委", "定海路"), ("隆昌路居委", "隆昌路"), ("波阳路居委", "波阳路"), ("杨树浦路居委", "杨树浦路"),
        ]),
    ];

    /// <summary>The division code of a street's committee: the street's code and the committee's place, from 001.</summary>
    public static string CommunityCode(string streetCode, int index) => streetCode + (index + 1).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
}
