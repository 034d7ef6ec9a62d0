namespace ExecutionHub.Web.Domain;

/// <summary>The kinds of hand-off a user is told about, each with its own SMS choice.</summary>
public enum HandOffKind
{
    /// <summary>A new referral or registration of the street (to its coordinators).</summary>
    NewMatter = 1,

    /// <summary>A task sent to the user, their agency or their working group.</summary>
    TaskDispatched = 2,

    /// <summary>A finding waiting for review (to the coordinator who dispatched the task).</summary>
    FindingSubmitted = 3,

    /// <summary>A finding returned for more work (to its holder).</summary>
    FindingReturned = 4,

    /// <summary>The workstation's feedback (to the case's judge).</summary>
    MatterFedBack = 5,

    /// <summary>A matter the judge returned for more work (to the coordinators).</summary>
    MatterReturned = 6,

    /// <summary>The judge extended a matter's deadline (to the coordinators and the task holders).</summary>
    MatterExtended = 7,

    /// <summary>The coordinator paused a matter (to the judge and the task holders).</summary>
    MatterPaused = 8,

    /// <summary>The coordinator resumed a matter (to the judge and the task holders).</summary>
    MatterResumed = 9,

    /// <summary>Work meant for a disabled user, passed to the street's coordinators instead.</summary>
    Redirected = 10,
}

/// <summary>
/// A user's choice of SMS for one <see cref="HandOffKind"/>; without a row the role's default
/// applies (<see cref="SmsByDefault"/>). The bell always rings: only the SMS is a choice.
/// </summary>
public sealed class NotificationPreference
{
    public required string UserId { get; set; }
    public HandOffKind Kind { get; set; }
    public bool Sms { get; set; }

    /// <summary>People who work on the street — grid workers and partner agents — get SMS unless they turn it off; desk roles do not unless they turn it on.</summary>
    public static bool SmsByDefault(IEnumerable<string> roles) =>
        roles.Any(r => r is Roles.GridWorker or Roles.PartnerAgent);

    /// <summary>The kinds a user of these roles can be told about, in the order the settings page lists them.</summary>
    public static IReadOnlyList<HandOffKind> KindsFor(IEnumerable<string> roles)
    {
        var kinds = new SortedSet<HandOffKind>();
        foreach (var role in roles)
        {
            kinds.UnionWith(role switch
            {
                Roles.GridWorker or Roles.PartnerAgent =>
                    [HandOffKind.TaskDispatched, HandOffKind.FindingReturned, HandOffKind.MatterExtended, HandOffKind.MatterPaused, HandOffKind.MatterResumed],
                Roles.Coordinator =>
                    [HandOffKind.NewMatter, HandOffKind.FindingSubmitted, HandOffKind.MatterReturned, HandOffKind.MatterExtended, HandOffKind.Redirected],
                Roles.Judge => [HandOffKind.MatterFedBack, HandOffKind.MatterPaused, HandOffKind.MatterResumed],
                _ => [],
            });
        }

        return [.. kinds];
    }
}
