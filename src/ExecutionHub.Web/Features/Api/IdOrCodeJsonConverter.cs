using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExecutionHub.Web.Features.Api;

/// <summary>
/// A field that names a street by id or code: a JSON number (an id, as clients sent it before codes existed) or a
/// string (a code, or an id in quotes), read as the string. Anything else is unreadable, a 400 naming the field.
/// </summary>
public sealed class IdOrCodeJsonConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number when reader.TryGetInt64(out var id) => id.ToString(CultureInfo.InvariantCulture),
        _ => throw new JsonException("An id (number) or a code (string) was expected."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
