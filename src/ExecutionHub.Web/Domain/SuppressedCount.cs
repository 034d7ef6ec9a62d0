using System.Globalization;

namespace ExecutionHub.Web.Domain;

/// <summary>
/// A count shown to street offices: 1 or 2 cases is shown as "&lt;3", so nobody can be singled out;
/// 0 is shown as 0 (an empty category singles nobody out). A count hidden only so that a "&lt;3"
/// beside it cannot be worked out from a total (<see cref="Complementary"/>) is shown as "*".
/// <see cref="CountSuppression"/> decides which counts are complementary.
/// </summary>
public readonly record struct SuppressedCount(int Value, bool Complementary = false)
{
    public const int Threshold = 3;
    public const string SmallMark = "<3";
    public const string HiddenMark = "*";

    /// <summary>1 or 2: too few cases to show.</summary>
    public bool IsSmall => Value > 0 && Value < Threshold;

    public bool IsSuppressed => IsSmall || Complementary;

    /// <summary>The count when it may be shown, otherwise null: what may leave the server.</summary>
    public int? Shown => IsSuppressed ? null : Value;

    public override string ToString() =>
        IsSmall ? SmallMark : Complementary ? HiddenMark : Value.ToString("N0", CultureInfo.InvariantCulture);
}
