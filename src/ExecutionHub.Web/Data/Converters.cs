using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ExecutionHub.Web.Data;

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => UtcDateTimeConverter.RequireUtc(v),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
{
    public static DateTime RequireUtc(DateTime value) => value.Kind == DateTimeKind.Utc
        ? value
        : throw new InvalidOperationException($"Only UTC times are stored; got a {value.Kind} DateTime ({value:O}).");
}

internal sealed class YuanToFenConverter() : ValueConverter<decimal, long>(
    v => (long)decimal.Round(v * 100m, 0, MidpointRounding.AwayFromZero),
    v => v / 100m);
