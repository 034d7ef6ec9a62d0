namespace ExecutionHub.Web.Domain;

/// <summary>Masks personal data for display (PIPL least privilege): the default for every view.</summary>
public static class PersonalData
{
    public const int MaxPhoneLength = 20;
    public const int MaxAddressLength = 200;

    /// <summary>A mainland mobile number (13812345678) or a landline with its area code (021-65432100).</summary>
    public const string PhonePattern = @"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$";

    /// <summary>310110199001011234 → 310110********1234; a credit code keeps its first 6 and last 4 too.</summary>
    public static string MaskIdentityNumber(string? value) => MaskMiddle(value, keepStart: 6, keepEnd: 4);

    /// <summary>13812345678 → 138****5678.</summary>
    public static string MaskPhone(string? value) => MaskMiddle(value, keepStart: 3, keepEnd: 4);

    /// <summary>A party's name as shown by default: a person's masked, an organisation's in full (it is no personal data).</summary>
    public static string MaskPartyName(PartyKind kind, string name) => kind == PartyKind.Person ? MaskName(name) : name;

    /// <summary>
    /// Keeps the first and last character of a Chinese name: 张三丰 → 张*丰, 张三 → 张*. Counts what a
    /// reader sees as one character (a text element), so a name with a rare character outside the
    /// basic plane (𠮷) or an emoji is never cut in half.
    /// </summary>
    public static string MaskName(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var characters = TextElements(value);
        if (characters.Length <= 2)
        {
            return characters[0] + "*";
        }

        return characters[0] + new string('*', characters.Length - 2) + characters[^1];
    }

    /// <summary>Keeps the district and road, hides the number: 上海市杨浦区平凉路1234弄5号 → 上海市杨浦区平凉路****.</summary>
    public static string MaskAddress(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var cut = value.IndexOfAny("0123456789".ToCharArray());
        return cut < 0 ? value : value[..cut] + "****";
    }

    private static string MaskMiddle(string? value, int keepStart, int keepEnd)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var characters = TextElements(value);
        if (characters.Length <= keepStart + keepEnd)
        {
            return new string('*', characters.Length);
        }

        return string.Concat(characters[..keepStart]) + new string('*', characters.Length - keepStart - keepEnd) + string.Concat(characters[^keepEnd..]);
    }

    private static string[] TextElements(string value)
    {
        var elements = new List<string>(value.Length);
        var enumerator = System.Globalization.StringInfo.GetTextElementEnumerator(value);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return [.. elements];
    }
}
