using System.Globalization;

namespace ExecutionHub.Web.Domain;

/// <summary>A count shown to street offices: fewer than <see cref="Threshold"/> cases is shown as "&lt;3", so nobody can be singled out.</summary>
public readonly record struct SuppressedCount(int Value)
{
    public const int Threshold = 3;

    public bool IsSuppressed => Value > 0 && Value < Threshold;

    public override string ToString() => IsSuppressed ? $"<{Threshold}" : Value.ToString("N0", CultureInfo.InvariantCulture);
}
