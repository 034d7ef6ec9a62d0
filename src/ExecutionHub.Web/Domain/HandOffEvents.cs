namespace ExecutionHub.Web.Domain;

// What the domain records when work passes from one person to another. The entity that records
// an event is its subject (a Matter or a VerificationTask); the event adds only what the entity
// does not keep itself.

/// <summary>A matter came in — a judge's referral, an API client's, a coordinator's registration; <paramref name="ById"/> brought it.</summary>
public sealed record MatterReceived(string ById) : IDomainEvent;

/// <summary>The workstation registered the matter (on receipt, for a coordinator's own registration).</summary>
public sealed record MatterRegistered : IDomainEvent;

/// <summary>A task went to its holder — a person, an agency or a working group — sent by <paramref name="ById"/>.</summary>
public sealed record TaskDispatched(string? ById) : IDomainEvent;

/// <summary>The holder submitted the task's finding for review.</summary>
public sealed record FindingSubmitted : IDomainEvent;

/// <summary>The coordinator returned the finding to the holder for more work.</summary>
public sealed record FindingReturned : IDomainEvent;

/// <summary>The workstation sent its consolidated feedback to the court.</summary>
public sealed record MatterFedBack : IDomainEvent;

/// <summary>The judge sent the fed-back matter back to the workstation for more work.</summary>
public sealed record MatterReturned : IDomainEvent;

/// <summary>The judge extended the matter's deadline.</summary>
public sealed record MatterExtended : IDomainEvent;

/// <summary>The coordinator stopped the matter's clock.</summary>
public sealed record MatterPaused : IDomainEvent;

/// <summary>The coordinator restarted the matter's clock.</summary>
public sealed record MatterResumed : IDomainEvent;
