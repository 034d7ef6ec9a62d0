using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ExecutionHub.Web.Infrastructure.Localization;

/// <summary>Translates MudBlazor's own texts (pager, filters, pickers) from the shared resources, key <c>Mud.{key}</c>.</summary>
public sealed class ResxMudLocalizer(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var text = localizer[$"Mud.{key}"];
            return text.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : new LocalizedString(key, text.Value);
        }
    }
}
