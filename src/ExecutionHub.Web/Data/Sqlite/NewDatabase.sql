CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "Audit" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Audit" PRIMARY KEY AUTOINCREMENT,
    "AtUtc" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "UserName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Detail" TEXT NOT NULL
);

CREATE TABLE "CalendarDays" (
    "Date" TEXT NOT NULL CONSTRAINT "PK_CalendarDays" PRIMARY KEY,
    "Kind" INTEGER NOT NULL,
    "Name" TEXT NOT NULL
);

CREATE TABLE "Courts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Courts" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "CaseCode" TEXT NOT NULL
);

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "DeadlinePolicies" (
    "MatterType" INTEGER NOT NULL CONSTRAINT "PK_DeadlinePolicies" PRIMARY KEY,
    "FeedbackWindowHours" INTEGER NOT NULL,
    "DueSoonHours" INTEGER NOT NULL,
    "EscalationHours" INTEGER NOT NULL,
    "TaskSubDeadlineHours" INTEGER NOT NULL,
    "ClockMode" INTEGER NOT NULL
);

CREATE TABLE "MatterCycleTallies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MatterCycleTallies" PRIMARY KEY AUTOINCREMENT,
    "CycleHour" INTEGER NOT NULL,
    "CourtId" INTEGER NOT NULL,
    "StreetId" INTEGER NOT NULL,
    "JudgeId" TEXT NOT NULL,
    "Type" INTEGER NOT NULL,
    "Count" INTEGER NOT NULL
);

CREATE TABLE "MatterDayTallies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MatterDayTallies" PRIMARY KEY AUTOINCREMENT,
    "Day" INTEGER NOT NULL,
    "CourtId" INTEGER NOT NULL,
    "StreetId" INTEGER NOT NULL,
    "JudgeId" TEXT NOT NULL,
    "Type" INTEGER NOT NULL,
    "Received" INTEGER NOT NULL,
    "FedBack" INTEGER NOT NULL,
    "CycleSeconds" INTEGER NOT NULL,
    "OnTime" INTEGER NOT NULL,
    "WhereaboutsFound" INTEGER NOT NULL,
    "CluesVerified" INTEGER NOT NULL
);

CREATE TABLE "MessageTemplates" (
    "Kind" INTEGER NOT NULL CONSTRAINT "PK_MessageTemplates" PRIMARY KEY,
    "Body" TEXT NOT NULL
);

CREATE TABLE "Outbox" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Outbox" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Recipient" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "ProtectedSecret" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "NextAttemptAtUtc" TEXT NOT NULL,
    "SentAtUtc" TEXT NULL,
    "LastError" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PartnerAgencies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PartnerAgencies" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "CourtId" INTEGER NOT NULL,
    CONSTRAINT "FK_PartnerAgencies_Courts_CourtId" FOREIGN KEY ("CourtId") REFERENCES "Courts" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Streets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Streets" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Code" TEXT NULL,
    "CourtId" INTEGER NOT NULL,
    CONSTRAINT "FK_Streets_Courts_CourtId" FOREIGN KEY ("CourtId") REFERENCES "Courts" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DeliveryAttempts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DeliveryAttempts" PRIMARY KEY AUTOINCREMENT,
    "MessageId" INTEGER NOT NULL,
    "AtUtc" TEXT NOT NULL,
    "Succeeded" INTEGER NOT NULL,
    "Error" TEXT NULL,
    CONSTRAINT "FK_DeliveryAttempts_Outbox_MessageId" FOREIGN KEY ("MessageId") REFERENCES "Outbox" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Communities" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Communities" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Code" TEXT NULL,
    "StreetId" INTEGER NOT NULL,
    CONSTRAINT "FK_Communities_Streets_StreetId" FOREIGN KEY ("StreetId") REFERENCES "Streets" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Reports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Reports" PRIMARY KEY AUTOINCREMENT,
    "StreetId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "State" INTEGER NOT NULL,
    "Snapshot" TEXT NOT NULL,
    "Suggestions" TEXT NOT NULL,
    "GeneratedAtUtc" TEXT NOT NULL,
    "GeneratedById" TEXT NULL,
    "PublishedAtUtc" TEXT NULL,
    "PublishedById" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Reports_Streets_StreetId" FOREIGN KEY ("StreetId") REFERENCES "Streets" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "WorkingGroups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkingGroups" PRIMARY KEY AUTOINCREMENT,
    "Kind" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "StreetId" INTEGER NOT NULL,
    CONSTRAINT "FK_WorkingGroups_Streets_StreetId" FOREIGN KEY ("StreetId") REFERENCES "Streets" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Grids" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Grids" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "CommunityId" INTEGER NOT NULL,
    CONSTRAINT "FK_Grids_Communities_CommunityId" FOREIGN KEY ("CommunityId") REFERENCES "Communities" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "CourtId" INTEGER NULL,
    "StreetId" INTEGER NULL,
    "GridId" INTEGER NULL,
    "PartnerAgencyId" INTEGER NULL,
    "Culture" TEXT NOT NULL,
    "IsDisabled" INTEGER NOT NULL,
    "StaffNumber" TEXT NULL,
    "IsApiClient" INTEGER NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_Courts_CourtId" FOREIGN KEY ("CourtId") REFERENCES "Courts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AspNetUsers_Grids_GridId" FOREIGN KEY ("GridId") REFERENCES "Grids" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AspNetUsers_PartnerAgencies_PartnerAgencyId" FOREIGN KEY ("PartnerAgencyId") REFERENCES "PartnerAgencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AspNetUsers_Streets_StreetId" FOREIGN KEY ("StreetId") REFERENCES "Streets" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ApiClients" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ApiClients" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "CourtId" INTEGER NOT NULL,
    "Scopes" TEXT NOT NULL,
    "KeyPrefix" TEXT NOT NULL,
    "KeyHash" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "KeyRotatedAtUtc" TEXT NULL,
    "RevokedAtUtc" TEXT NULL,
    "LastUsedAtUtc" TEXT NULL,
    "WebhookUrl" TEXT NULL,
    "WebhookSecretProtected" TEXT NULL,
    "WebhookSecretIssuedAtUtc" TEXT NULL,
    CONSTRAINT "FK_ApiClients_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ApiClients_Courts_CourtId" FOREIGN KEY ("CourtId") REFERENCES "Courts" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Cases" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Cases" PRIMARY KEY AUTOINCREMENT,
    "CaseNumber" TEXT NOT NULL,
    "CourtId" INTEGER NOT NULL,
    "StreetId" INTEGER NOT NULL,
    "CommunityId" INTEGER NULL,
    "JudgeId" TEXT NOT NULL,
    "Cause" TEXT NOT NULL,
    "Industry" TEXT NOT NULL,
    "AmountOwed" INTEGER NOT NULL,
    "AmountRecovered" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "FiledOn" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "LastActivityAtUtc" TEXT NOT NULL,
    "AwaitsCompletion" INTEGER NOT NULL,
    "Tags" INTEGER NOT NULL,
    CONSTRAINT "FK_Cases_AspNetUsers_JudgeId" FOREIGN KEY ("JudgeId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Cases_Communities_CommunityId" FOREIGN KEY ("CommunityId") REFERENCES "Communities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Cases_Courts_CourtId" FOREIGN KEY ("CourtId") REFERENCES "Courts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Cases_Streets_StreetId" FOREIGN KEY ("StreetId") REFERENCES "Streets" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "EscalationContacts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_EscalationContacts" PRIMARY KEY AUTOINCREMENT,
    "CourtId" INTEGER NULL,
    "StreetId" INTEGER NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "FK_EscalationContacts_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_EscalationContacts_Courts_CourtId" FOREIGN KEY ("CourtId") REFERENCES "Courts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_EscalationContacts_Streets_StreetId" FOREIGN KEY ("StreetId") REFERENCES "Streets" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Meetings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Meetings" PRIMARY KEY AUTOINCREMENT,
    "StreetId" INTEGER NOT NULL,
    "CourtId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "StartsAtUtc" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "Minutes" TEXT NOT NULL,
    "MinutesRecordedAtUtc" TEXT NULL,
    "CreatedById" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Meetings_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Meetings_Courts_CourtId" FOREIGN KEY ("CourtId") REFERENCES "Courts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Meetings_Streets_StreetId" FOREIGN KEY ("StreetId") REFERENCES "Streets" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "NotificationPreferences" (
    "UserId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Sms" INTEGER NOT NULL,
    CONSTRAINT "PK_NotificationPreferences" PRIMARY KEY ("UserId", "Kind"),
    CONSTRAINT "FK_NotificationPreferences_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RiskRules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RiskRules" PRIMARY KEY AUTOINCREMENT,
    "Kind" INTEGER NOT NULL,
    "Enabled" INTEGER NOT NULL,
    "Threshold" INTEGER NOT NULL,
    "WindowDays" INTEGER NOT NULL,
    "Percent" INTEGER NOT NULL,
    "OrganisationsOnly" INTEGER NOT NULL,
    "Severity" INTEGER NOT NULL,
    "SuggestedAction" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_RiskRules_AspNetUsers_UpdatedById" FOREIGN KEY ("UpdatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL
);

CREATE TABLE "WorkingGroupMembers" (
    "WorkingGroupId" INTEGER NOT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_WorkingGroupMembers" PRIMARY KEY ("WorkingGroupId", "UserId"),
    CONSTRAINT "FK_WorkingGroupMembers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_WorkingGroupMembers_WorkingGroups_WorkingGroupId" FOREIGN KEY ("WorkingGroupId") REFERENCES "WorkingGroups" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ApiCalls" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ApiCalls" PRIMARY KEY AUTOINCREMENT,
    "ApiClientId" INTEGER NULL,
    "ClientName" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "Path" TEXT NOT NULL,
    "StatusCode" INTEGER NOT NULL,
    "DurationMs" INTEGER NOT NULL,
    "AtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_ApiCalls_ApiClients_ApiClientId" FOREIGN KEY ("ApiClientId") REFERENCES "ApiClients" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IdempotentRequests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IdempotentRequests" PRIMARY KEY AUTOINCREMENT,
    "ApiClientId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "RequestHash" TEXT NOT NULL,
    "StatusCode" INTEGER NULL,
    "ResponseBody" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_IdempotentRequests_ApiClients_ApiClientId" FOREIGN KEY ("ApiClientId") REFERENCES "ApiClients" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CaseParties" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CaseParties" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "Role" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "IdentityNumber" TEXT NOT NULL,
    "Phones" TEXT NOT NULL,
    "Addresses" TEXT NOT NULL,
    "OptedOutOfMessages" INTEGER NOT NULL,
    CONSTRAINT "FK_CaseParties_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Milestones" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Milestones" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "Amount" INTEGER NULL,
    "Note" TEXT NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_Milestones_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Milestones_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MeetingAgency" (
    "MeetingId" INTEGER NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    CONSTRAINT "PK_MeetingAgency" PRIMARY KEY ("MeetingId", "AgencyId"),
    CONSTRAINT "FK_MeetingAgency_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MeetingAgency_PartnerAgencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "PartnerAgencies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MeetingParticipant" (
    "MeetingId" INTEGER NOT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_MeetingParticipant" PRIMARY KEY ("MeetingId", "UserId"),
    CONSTRAINT "FK_MeetingParticipant_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MeetingParticipant_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Matters" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Matters" PRIMARY KEY AUTOINCREMENT,
    "Reference" TEXT NOT NULL,
    "Type" INTEGER NOT NULL,
    "Source" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "CaseId" INTEGER NOT NULL,
    "TargetPartyId" INTEGER NOT NULL,
    "StreetId" INTEGER NOT NULL,
    "CourtId" INTEGER NOT NULL,
    "JudgeId" TEXT NOT NULL,
    "ReceivedAtUtc" TEXT NOT NULL,
    "ReceivedOn" INTEGER NOT NULL,
    "DueAtUtc" TEXT NOT NULL,
    "Request" TEXT NOT NULL,
    "CreatedById" TEXT NOT NULL,
    "ApiClientId" INTEGER NULL,
    "ClientReference" TEXT NULL,
    "RegisteredAtUtc" TEXT NULL,
    "DispatchedAtUtc" TEXT NULL,
    "ConsolidatedAtUtc" TEXT NULL,
    "FedBackAtUtc" TEXT NULL,
    "FirstFedBackAtUtc" TEXT NULL,
    "PausedSecondsAtFirstFeedback" INTEGER NOT NULL,
    "FirstFedBackOn" INTEGER NULL,
    "FeedbackCycleSeconds" INTEGER NULL,
    "FedBackOnTime" INTEGER NULL,
    "Outcome" INTEGER NULL,
    "AcknowledgedAtUtc" TEXT NULL,
    "ClosedAtUtc" TEXT NULL,
    "CancelledAtUtc" TEXT NULL,
    "CancelReason" TEXT NULL,
    "PausedAtUtc" TEXT NULL,
    "PauseReason" TEXT NULL,
    "PausedSeconds" INTEGER NOT NULL,
    "LastReturnedAtUtc" TEXT NULL,
    "DeadlineVersion" INTEGER NOT NULL,
    "NextAlertAtUtc" TEXT NULL,
    "AlertStage" INTEGER NOT NULL,
    "DueSoonHours" INTEGER NOT NULL DEFAULT 24,
    "EscalationHours" INTEGER NOT NULL DEFAULT 24,
    "ReturnCount" INTEGER NOT NULL,
    "Feedback" TEXT NULL,
    "ImportKey" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "WorkingGroupId" INTEGER NULL,
    "Route" INTEGER NULL,
    "IsHardCase" INTEGER NOT NULL,
    "HardCaseReason" TEXT NULL,
    "HardCaseFlaggedAtUtc" TEXT NULL,
    "Decision" TEXT NULL,
    "Details" TEXT NOT NULL,
    "Recommendation" TEXT NULL,
    CONSTRAINT "FK_Matters_ApiClients_ApiClientId" FOREIGN KEY ("ApiClientId") REFERENCES "ApiClients" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Matters_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Matters_AspNetUsers_JudgeId" FOREIGN KEY ("JudgeId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Matters_CaseParties_TargetPartyId" FOREIGN KEY ("TargetPartyId") REFERENCES "CaseParties" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Matters_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Matters_Courts_CourtId" FOREIGN KEY ("CourtId") REFERENCES "Courts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Matters_Streets_StreetId" FOREIGN KEY ("StreetId") REFERENCES "Streets" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Matters_WorkingGroups_WorkingGroupId" FOREIGN KEY ("WorkingGroupId") REFERENCES "WorkingGroups" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ProgressAccessCodes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProgressAccessCodes" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "PartyId" INTEGER NOT NULL,
    "CodeHash" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "ExpiresAtUtc" TEXT NOT NULL,
    "UsedAtUtc" TEXT NULL,
    "FailedAttempts" INTEGER NOT NULL,
    CONSTRAINT "FK_ProgressAccessCodes_CaseParties_PartyId" FOREIGN KEY ("PartyId") REFERENCES "CaseParties" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ProgressAccessCodes_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RiskWarnings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RiskWarnings" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "StreetId" INTEGER NOT NULL,
    "Rule" INTEGER NOT NULL,
    "Severity" INTEGER NOT NULL,
    "State" INTEGER NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "CaseCount" INTEGER NOT NULL,
    "ApplicantCount" INTEGER NOT NULL,
    "PreviousCount" INTEGER NOT NULL,
    "AmountOwed" INTEGER NOT NULL,
    "Industry" TEXT NULL,
    "Tag" INTEGER NOT NULL,
    "RespondentKind" INTEGER NULL,
    "SubjectPartyId" INTEGER NULL,
    "WindowDays" INTEGER NOT NULL,
    "SuggestedAction" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "EvidenceAtUtc" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_RiskWarnings_CaseParties_SubjectPartyId" FOREIGN KEY ("SubjectPartyId") REFERENCES "CaseParties" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_RiskWarnings_Streets_StreetId" FOREIGN KEY ("StreetId") REFERENCES "Streets" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Tasks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Tasks" PRIMARY KEY AUTOINCREMENT,
    "MatterId" INTEGER NOT NULL,
    "AssigneeId" TEXT NULL,
    "GridId" INTEGER NULL,
    "PartnerAgencyId" INTEGER NULL,
    "WorkingGroupId" INTEGER NULL,
    "AssignedById" TEXT NULL,
    "Instructions" TEXT NOT NULL,
    "AssignedAtUtc" TEXT NOT NULL,
    "DueAtUtc" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "SubmittedAtUtc" TEXT NULL,
    "ReviewedAtUtc" TEXT NULL,
    "ReviewNote" TEXT NULL,
    "NextAlertAtUtc" TEXT NULL,
    "DeadlineVersion" INTEGER NOT NULL DEFAULT 1,
    "AlertStage" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "Finding" TEXT NULL,
    CONSTRAINT "FK_Tasks_AspNetUsers_AssigneeId" FOREIGN KEY ("AssigneeId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Tasks_Grids_GridId" FOREIGN KEY ("GridId") REFERENCES "Grids" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Tasks_Matters_MatterId" FOREIGN KEY ("MatterId") REFERENCES "Matters" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Tasks_PartnerAgencies_PartnerAgencyId" FOREIGN KEY ("PartnerAgencyId") REFERENCES "PartnerAgencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Tasks_WorkingGroups_WorkingGroupId" FOREIGN KEY ("WorkingGroupId") REFERENCES "WorkingGroups" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "WindowVisits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WindowVisits" PRIMARY KEY AUTOINCREMENT,
    "StreetId" INTEGER NOT NULL,
    "VisitedAtUtc" TEXT NOT NULL,
    "VisitorKind" INTEGER NOT NULL,
    "Purpose" INTEGER NOT NULL,
    "VisitorName" TEXT NOT NULL,
    "VisitorPhone" TEXT NOT NULL,
    "CaseNumber" TEXT NULL,
    "CaseId" INTEGER NULL,
    "Notes" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "StaffId" TEXT NOT NULL,
    "LoggedAtUtc" TEXT NOT NULL,
    "MatterId" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_WindowVisits_AspNetUsers_StaffId" FOREIGN KEY ("StaffId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WindowVisits_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WindowVisits_Matters_MatterId" FOREIGN KEY ("MatterId") REFERENCES "Matters" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WindowVisits_Streets_StreetId" FOREIGN KEY ("StreetId") REFERENCES "Streets" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AgendaItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgendaItems" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "Source" INTEGER NOT NULL,
    "MatterId" INTEGER NULL,
    "RiskWarningId" INTEGER NULL,
    "Title" TEXT NOT NULL,
    "Decision" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    CONSTRAINT "FK_AgendaItems_Matters_MatterId" FOREIGN KEY ("MatterId") REFERENCES "Matters" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AgendaItems_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AgendaItems_RiskWarnings_RiskWarningId" FOREIGN KEY ("RiskWarningId") REFERENCES "RiskWarnings" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RiskWarningEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RiskWarningEvents" PRIMARY KEY AUTOINCREMENT,
    "WarningId" INTEGER NOT NULL,
    "From" INTEGER NULL,
    "To" INTEGER NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "AtUtc" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    CONSTRAINT "FK_RiskWarningEvents_RiskWarnings_WarningId" FOREIGN KEY ("WarningId") REFERENCES "RiskWarnings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Evidence" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Evidence" PRIMARY KEY AUTOINCREMENT,
    "MatterId" INTEGER NOT NULL,
    "TaskId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "StorageKey" TEXT NOT NULL,
    "UploadedById" TEXT NOT NULL,
    "UploadedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_Evidence_AspNetUsers_UploadedById" FOREIGN KEY ("UploadedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Evidence_Matters_MatterId" FOREIGN KEY ("MatterId") REFERENCES "Matters" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Evidence_Tasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "Tasks" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Timeline" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Timeline" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "MatterId" INTEGER NULL,
    "TaskId" INTEGER NULL,
    "AtUtc" TEXT NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "Event" TEXT NOT NULL,
    "Detail" TEXT NOT NULL,
    CONSTRAINT "FK_Timeline_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Timeline_Matters_MatterId" FOREIGN KEY ("MatterId") REFERENCES "Matters" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Timeline_Tasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "Tasks" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Mediations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Mediations" PRIMARY KEY AUTOINCREMENT,
    "StreetId" INTEGER NOT NULL,
    "CaseId" INTEGER NOT NULL,
    "WindowVisitId" INTEGER NULL,
    "HeldOn" TEXT NOT NULL,
    "MediatorId" TEXT NOT NULL,
    "Result" INTEGER NOT NULL,
    "SettlementAmount" INTEGER NULL,
    "Notes" TEXT NOT NULL,
    "MilestoneId" INTEGER NULL,
    "RecordedById" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_Mediations_AspNetUsers_MediatorId" FOREIGN KEY ("MediatorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Mediations_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Mediations_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Mediations_Milestones_MilestoneId" FOREIGN KEY ("MilestoneId") REFERENCES "Milestones" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Mediations_Streets_StreetId" FOREIGN KEY ("StreetId") REFERENCES "Streets" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Mediations_WindowVisits_WindowVisitId" FOREIGN KEY ("WindowVisitId") REFERENCES "WindowVisits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ActionItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ActionItems" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "StreetId" INTEGER NOT NULL,
    "AgendaItemId" INTEGER NULL,
    "Description" TEXT NOT NULL,
    "OwnerAgencyId" INTEGER NULL,
    "OwnerUserId" TEXT NULL,
    "DueOn" TEXT NOT NULL,
    "DueSoonAtUtc" TEXT NOT NULL,
    "DueAtUtc" TEXT NOT NULL,
    "DoneAtUtc" TEXT NULL,
    "DoneById" TEXT NULL,
    "DoneNote" TEXT NOT NULL,
    "NextAlertAtUtc" TEXT NULL,
    "AlertStage" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ActionItems_AgendaItems_AgendaItemId" FOREIGN KEY ("AgendaItemId") REFERENCES "AgendaItems" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_ActionItems_AspNetUsers_DoneById" FOREIGN KEY ("DoneById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ActionItems_AspNetUsers_OwnerUserId" FOREIGN KEY ("OwnerUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ActionItems_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ActionItems_PartnerAgencies_OwnerAgencyId" FOREIGN KEY ("OwnerAgencyId") REFERENCES "PartnerAgencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ActionItems_Streets_StreetId" FOREIGN KEY ("StreetId") REFERENCES "Streets" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Instalments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Instalments" PRIMARY KEY AUTOINCREMENT,
    "SessionId" INTEGER NOT NULL,
    "CaseId" INTEGER NOT NULL,
    "StreetId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "Amount" INTEGER NOT NULL,
    "DueOn" TEXT NOT NULL,
    "DueSoonAtUtc" TEXT NOT NULL,
    "DueAtUtc" TEXT NOT NULL,
    "PaidAmount" INTEGER NULL,
    "PaidOn" TEXT NULL,
    "PaidRecordedById" TEXT NULL,
    "PaidRecordedAtUtc" TEXT NULL,
    "NextAlertAtUtc" TEXT NULL,
    "AlertStage" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Instalments_AspNetUsers_PaidRecordedById" FOREIGN KEY ("PaidRecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Instalments_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Instalments_Mediations_SessionId" FOREIGN KEY ("SessionId") REFERENCES "Mediations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Instalments_Streets_StreetId" FOREIGN KEY ("StreetId") REFERENCES "Streets" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MediationAttendees" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MediationAttendees" PRIMARY KEY AUTOINCREMENT,
    "SessionId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "PartyId" INTEGER NULL,
    CONSTRAINT "FK_MediationAttendees_CaseParties_PartyId" FOREIGN KEY ("PartyId") REFERENCES "CaseParties" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MediationAttendees_Mediations_SessionId" FOREIGN KEY ("SessionId") REFERENCES "Mediations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Alerts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Alerts" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "MatterId" INTEGER NULL,
    "TaskId" INTEGER NULL,
    "InstalmentId" INTEGER NULL,
    "ActionItemId" INTEGER NULL,
    "DeadlineVersion" INTEGER NOT NULL,
    "DueAtUtc" TEXT NOT NULL,
    "FiredAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_Alerts_ActionItems_ActionItemId" FOREIGN KEY ("ActionItemId") REFERENCES "ActionItems" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Alerts_Instalments_InstalmentId" FOREIGN KEY ("InstalmentId") REFERENCES "Instalments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Alerts_Matters_MatterId" FOREIGN KEY ("MatterId") REFERENCES "Matters" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Alerts_Tasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "Tasks" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Notifications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY AUTOINCREMENT,
    "RecipientId" TEXT NOT NULL,
    "AlertId" INTEGER NULL,
    "MatterId" INTEGER NULL,
    "TaskId" INTEGER NULL,
    "Key" TEXT NULL,
    "TitleKey" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Note" TEXT NULL,
    "Link" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "ReadAtUtc" TEXT NULL,
    CONSTRAINT "FK_Notifications_Alerts_AlertId" FOREIGN KEY ("AlertId") REFERENCES "Alerts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Notifications_AspNetUsers_RecipientId" FOREIGN KEY ("RecipientId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Notifications_Matters_MatterId" FOREIGN KEY ("MatterId") REFERENCES "Matters" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Notifications_Tasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "Tasks" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_ActionItems_AgendaItemId" ON "ActionItems" ("AgendaItemId");

CREATE INDEX "IX_ActionItems_DoneById" ON "ActionItems" ("DoneById");

CREATE INDEX "IX_ActionItems_MeetingId" ON "ActionItems" ("MeetingId");

CREATE INDEX "IX_ActionItems_NextAlertAtUtc" ON "ActionItems" ("NextAlertAtUtc");

CREATE INDEX "IX_ActionItems_OwnerAgencyId_DoneAtUtc_DueAtUtc" ON "ActionItems" ("OwnerAgencyId", "DoneAtUtc", "DueAtUtc");

CREATE INDEX "IX_ActionItems_OwnerUserId" ON "ActionItems" ("OwnerUserId");

CREATE INDEX "IX_ActionItems_StreetId_DoneAtUtc_DueAtUtc" ON "ActionItems" ("StreetId", "DoneAtUtc", "DueAtUtc");

CREATE INDEX "IX_AgendaItems_MatterId" ON "AgendaItems" ("MatterId");

CREATE INDEX "IX_AgendaItems_MeetingId_Position" ON "AgendaItems" ("MeetingId", "Position");

CREATE INDEX "IX_AgendaItems_RiskWarningId" ON "AgendaItems" ("RiskWarningId");

CREATE INDEX "IX_Alerts_ActionItemId" ON "Alerts" ("ActionItemId");

CREATE INDEX "IX_Alerts_InstalmentId" ON "Alerts" ("InstalmentId");

CREATE UNIQUE INDEX "IX_Alerts_Key" ON "Alerts" ("Key");

CREATE INDEX "IX_Alerts_MatterId_FiredAtUtc" ON "Alerts" ("MatterId", "FiredAtUtc");

CREATE INDEX "IX_Alerts_TaskId" ON "Alerts" ("TaskId");

CREATE INDEX "IX_ApiCalls_ApiClientId_Id" ON "ApiCalls" ("ApiClientId", "Id");

CREATE INDEX "IX_ApiClients_CourtId" ON "ApiClients" ("CourtId");

CREATE UNIQUE INDEX "IX_ApiClients_KeyHash" ON "ApiClients" ("KeyHash");

CREATE UNIQUE INDEX "IX_ApiClients_Name" ON "ApiClients" ("Name");

CREATE UNIQUE INDEX "IX_ApiClients_UserId" ON "ApiClients" ("UserId");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE INDEX "IX_AspNetUsers_CourtId" ON "AspNetUsers" ("CourtId");

CREATE UNIQUE INDEX "IX_AspNetUsers_CourtId_StaffNumber" ON "AspNetUsers" ("CourtId", "StaffNumber");

CREATE INDEX "IX_AspNetUsers_GridId" ON "AspNetUsers" ("GridId");

CREATE INDEX "IX_AspNetUsers_PartnerAgencyId" ON "AspNetUsers" ("PartnerAgencyId");

CREATE INDEX "IX_AspNetUsers_StreetId" ON "AspNetUsers" ("StreetId");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_Audit_AtUtc" ON "Audit" ("AtUtc");

CREATE INDEX "IX_Audit_UserId_AtUtc" ON "Audit" ("UserId", "AtUtc");

CREATE INDEX "IX_CaseParties_CaseId_Role" ON "CaseParties" ("CaseId", "Role");

CREATE INDEX "IX_CaseParties_IdentityNumber" ON "CaseParties" ("IdentityNumber");

CREATE INDEX "IX_CaseParties_Name_CaseId" ON "CaseParties" ("Name", "CaseId");

CREATE UNIQUE INDEX "IX_Cases_CaseNumber" ON "Cases" ("CaseNumber");

CREATE INDEX "IX_Cases_CommunityId" ON "Cases" ("CommunityId");

CREATE INDEX "IX_Cases_CourtId_JudgeId" ON "Cases" ("CourtId", "JudgeId");

CREATE INDEX "IX_Cases_CourtId_LastActivityAtUtc_Status" ON "Cases" ("CourtId", "LastActivityAtUtc", "Status");

CREATE INDEX "IX_Cases_JudgeId_CourtId_LastActivityAtUtc_Status" ON "Cases" ("JudgeId", "CourtId", "LastActivityAtUtc", "Status");

CREATE INDEX "IX_Cases_StreetId_FiledOn_CommunityId_Cause_Industry_Status_AmountOwed_AmountRecovered_AwaitsCompletion" ON "Cases" ("StreetId", "FiledOn", "CommunityId", "Cause", "Industry", "Status", "AmountOwed", "AmountRecovered", "AwaitsCompletion");

CREATE INDEX "IX_Cases_StreetId_LastActivityAtUtc_Status" ON "Cases" ("StreetId", "LastActivityAtUtc", "Status");

CREATE UNIQUE INDEX "IX_Communities_StreetId_Code" ON "Communities" ("StreetId", "Code");

CREATE UNIQUE INDEX "IX_Communities_StreetId_Name" ON "Communities" ("StreetId", "Name");

CREATE UNIQUE INDEX "IX_Courts_CaseCode" ON "Courts" ("CaseCode");

CREATE UNIQUE INDEX "IX_Courts_Name" ON "Courts" ("Name");

CREATE INDEX "IX_DeliveryAttempts_MessageId_AtUtc" ON "DeliveryAttempts" ("MessageId", "AtUtc");

CREATE UNIQUE INDEX "IX_EscalationContacts_CourtId_StreetId_UserId" ON "EscalationContacts" ("CourtId", "StreetId", "UserId");

CREATE INDEX "IX_EscalationContacts_StreetId" ON "EscalationContacts" ("StreetId");

CREATE INDEX "IX_EscalationContacts_UserId" ON "EscalationContacts" ("UserId");

CREATE INDEX "IX_Evidence_MatterId" ON "Evidence" ("MatterId");

CREATE INDEX "IX_Evidence_TaskId" ON "Evidence" ("TaskId");

CREATE INDEX "IX_Evidence_UploadedById" ON "Evidence" ("UploadedById");

CREATE UNIQUE INDEX "IX_Grids_CommunityId_Name" ON "Grids" ("CommunityId", "Name");

CREATE UNIQUE INDEX "IX_IdempotentRequests_ApiClientId_Key" ON "IdempotentRequests" ("ApiClientId", "Key");

CREATE INDEX "IX_Instalments_CaseId_DueOn" ON "Instalments" ("CaseId", "DueOn");

CREATE INDEX "IX_Instalments_NextAlertAtUtc" ON "Instalments" ("NextAlertAtUtc");

CREATE INDEX "IX_Instalments_PaidRecordedById" ON "Instalments" ("PaidRecordedById");

CREATE UNIQUE INDEX "IX_Instalments_SessionId_Number" ON "Instalments" ("SessionId", "Number");

CREATE INDEX "IX_Instalments_StreetId" ON "Instalments" ("StreetId");

CREATE INDEX "IX_MatterCycleTallies_Court_Hour" ON "MatterCycleTallies" ("CourtId", "CycleHour", "StreetId", "JudgeId", "Type", "Count");

CREATE INDEX "IX_MatterCycleTallies_Street_Hour" ON "MatterCycleTallies" ("StreetId", "CycleHour", "CourtId", "JudgeId", "Type", "Count");

CREATE INDEX "IX_MatterDayTallies_Court_Day" ON "MatterDayTallies" ("CourtId", "Day", "StreetId", "JudgeId", "Type", "Received", "FedBack", "CycleSeconds", "OnTime", "WhereaboutsFound", "CluesVerified");

CREATE INDEX "IX_MatterDayTallies_Street_Day" ON "MatterDayTallies" ("StreetId", "Day", "CourtId", "JudgeId", "Type", "Received", "FedBack", "CycleSeconds", "OnTime", "WhereaboutsFound", "CluesVerified");

CREATE INDEX "IX_Matters_ApiClientId" ON "Matters" ("ApiClientId");

CREATE INDEX "IX_Matters_CaseId_Status" ON "Matters" ("CaseId", "Status");

CREATE INDEX "IX_Matters_CourtId_DueAtUtc" ON "Matters" ("CourtId", "DueAtUtc");

CREATE INDEX "IX_Matters_CourtId_FeedbackCycleSeconds_FirstFedBackOn_StreetId_JudgeId_Type" ON "Matters" ("CourtId", "FeedbackCycleSeconds", "FirstFedBackOn", "StreetId", "JudgeId", "Type");

CREATE INDEX "IX_Matters_CourtId_FirstFedBackOn_StreetId_JudgeId_Type_Outcome_FeedbackCycleSeconds_FedBackOnTime" ON "Matters" ("CourtId", "FirstFedBackOn", "StreetId", "JudgeId", "Type", "Outcome", "FeedbackCycleSeconds", "FedBackOnTime");

CREATE INDEX "IX_Matters_CourtId_ReceivedAtUtc" ON "Matters" ("CourtId", "ReceivedAtUtc");

CREATE INDEX "IX_Matters_CourtId_ReceivedOn_StreetId_JudgeId_Type" ON "Matters" ("CourtId", "ReceivedOn", "StreetId", "JudgeId", "Type");

CREATE INDEX "IX_Matters_CourtId_Status_DueAtUtc" ON "Matters" ("CourtId", "Status", "DueAtUtc");

CREATE INDEX "IX_Matters_CreatedById" ON "Matters" ("CreatedById");

CREATE UNIQUE INDEX "IX_Matters_ImportKey" ON "Matters" ("ImportKey");

CREATE INDEX "IX_Matters_JudgeId_CourtId_Status_DueAtUtc" ON "Matters" ("JudgeId", "CourtId", "Status", "DueAtUtc");

CREATE INDEX "IX_Matters_JudgeId_ReceivedAtUtc" ON "Matters" ("JudgeId", "ReceivedAtUtc");

CREATE INDEX "IX_Matters_NextAlertAtUtc" ON "Matters" ("NextAlertAtUtc");

CREATE UNIQUE INDEX "IX_Matters_Reference" ON "Matters" ("Reference");

CREATE INDEX "IX_Matters_Status_DueAtUtc" ON "Matters" ("Status", "DueAtUtc");

CREATE INDEX "IX_Matters_StreetId_DueAtUtc" ON "Matters" ("StreetId", "DueAtUtc");

CREATE INDEX "IX_Matters_StreetId_FeedbackCycleSeconds_FirstFedBackOn_CourtId_JudgeId_Type" ON "Matters" ("StreetId", "FeedbackCycleSeconds", "FirstFedBackOn", "CourtId", "JudgeId", "Type");

CREATE INDEX "IX_Matters_StreetId_FirstFedBackOn_CourtId_JudgeId_Type_Outcome_FeedbackCycleSeconds_FedBackOnTime" ON "Matters" ("StreetId", "FirstFedBackOn", "CourtId", "JudgeId", "Type", "Outcome", "FeedbackCycleSeconds", "FedBackOnTime");

CREATE INDEX "IX_Matters_StreetId_IsHardCase" ON "Matters" ("StreetId", "IsHardCase");

CREATE INDEX "IX_Matters_StreetId_ReceivedAtUtc" ON "Matters" ("StreetId", "ReceivedAtUtc");

CREATE INDEX "IX_Matters_StreetId_ReceivedOn_CourtId_JudgeId_Type" ON "Matters" ("StreetId", "ReceivedOn", "CourtId", "JudgeId", "Type");

CREATE INDEX "IX_Matters_StreetId_Status_DueAtUtc" ON "Matters" ("StreetId", "Status", "DueAtUtc");

CREATE INDEX "IX_Matters_TargetPartyId" ON "Matters" ("TargetPartyId");

CREATE INDEX "IX_Matters_WorkingGroupId_Status" ON "Matters" ("WorkingGroupId", "Status");

CREATE INDEX "IX_MediationAttendees_PartyId" ON "MediationAttendees" ("PartyId");

CREATE INDEX "IX_MediationAttendees_SessionId" ON "MediationAttendees" ("SessionId");

CREATE INDEX "IX_Mediations_CaseId_HeldOn" ON "Mediations" ("CaseId", "HeldOn");

CREATE INDEX "IX_Mediations_MediatorId" ON "Mediations" ("MediatorId");

CREATE INDEX "IX_Mediations_MilestoneId" ON "Mediations" ("MilestoneId");

CREATE INDEX "IX_Mediations_RecordedById" ON "Mediations" ("RecordedById");

CREATE INDEX "IX_Mediations_StreetId_HeldOn" ON "Mediations" ("StreetId", "HeldOn");

CREATE INDEX "IX_Mediations_WindowVisitId" ON "Mediations" ("WindowVisitId");

CREATE INDEX "IX_MeetingAgency_AgencyId" ON "MeetingAgency" ("AgencyId");

CREATE INDEX "IX_MeetingParticipant_UserId" ON "MeetingParticipant" ("UserId");

CREATE INDEX "IX_Meetings_CourtId" ON "Meetings" ("CourtId");

CREATE INDEX "IX_Meetings_CreatedById" ON "Meetings" ("CreatedById");

CREATE INDEX "IX_Meetings_StreetId_StartsAtUtc" ON "Meetings" ("StreetId", "StartsAtUtc");

CREATE INDEX "IX_Milestones_CaseId_OccurredOn" ON "Milestones" ("CaseId", "OccurredOn");

CREATE INDEX "IX_Milestones_RecordedById" ON "Milestones" ("RecordedById");

CREATE INDEX "IX_Notifications_AlertId" ON "Notifications" ("AlertId");

CREATE UNIQUE INDEX "IX_Notifications_Key" ON "Notifications" ("Key");

CREATE INDEX "IX_Notifications_MatterId" ON "Notifications" ("MatterId");

CREATE UNIQUE INDEX "IX_Notifications_RecipientId_AlertId" ON "Notifications" ("RecipientId", "AlertId");

CREATE INDEX "IX_Notifications_RecipientId_ReadAtUtc_CreatedAtUtc" ON "Notifications" ("RecipientId", "ReadAtUtc", "CreatedAtUtc");

CREATE INDEX "IX_Notifications_TaskId" ON "Notifications" ("TaskId");

CREATE UNIQUE INDEX "IX_Outbox_Key" ON "Outbox" ("Key");

CREATE INDEX "IX_Outbox_Status_NextAttemptAtUtc" ON "Outbox" ("Status", "NextAttemptAtUtc");

CREATE UNIQUE INDEX "IX_PartnerAgencies_CourtId_Name" ON "PartnerAgencies" ("CourtId", "Name");

CREATE INDEX "IX_ProgressAccessCodes_CaseId_ExpiresAtUtc" ON "ProgressAccessCodes" ("CaseId", "ExpiresAtUtc");

CREATE INDEX "IX_ProgressAccessCodes_PartyId" ON "ProgressAccessCodes" ("PartyId");

CREATE UNIQUE INDEX "IX_Reports_StreetId_Kind_PeriodStart" ON "Reports" ("StreetId", "Kind", "PeriodStart");

CREATE UNIQUE INDEX "IX_RiskRules_Kind" ON "RiskRules" ("Kind");

CREATE INDEX "IX_RiskRules_UpdatedById" ON "RiskRules" ("UpdatedById");

CREATE INDEX "IX_RiskWarningEvents_WarningId_AtUtc" ON "RiskWarningEvents" ("WarningId", "AtUtc");

CREATE UNIQUE INDEX "IX_RiskWarnings_Key" ON "RiskWarnings" ("Key");

CREATE INDEX "IX_RiskWarnings_StreetId_State_Severity" ON "RiskWarnings" ("StreetId", "State", "Severity");

CREATE INDEX "IX_RiskWarnings_SubjectPartyId" ON "RiskWarnings" ("SubjectPartyId");

CREATE UNIQUE INDEX "IX_Streets_CourtId_Code" ON "Streets" ("CourtId", "Code");

CREATE UNIQUE INDEX "IX_Streets_CourtId_Name" ON "Streets" ("CourtId", "Name");

CREATE INDEX "IX_Tasks_AssigneeId_Status_MatterId" ON "Tasks" ("AssigneeId", "Status", "MatterId");

CREATE INDEX "IX_Tasks_GridId_AssignedAtUtc_DueAtUtc_SubmittedAtUtc" ON "Tasks" ("GridId", "AssignedAtUtc", "DueAtUtc", "SubmittedAtUtc");

CREATE INDEX "IX_Tasks_GridId_Status" ON "Tasks" ("GridId", "Status");

CREATE INDEX "IX_Tasks_MatterId" ON "Tasks" ("MatterId");

CREATE INDEX "IX_Tasks_NextAlertAtUtc" ON "Tasks" ("NextAlertAtUtc");

CREATE INDEX "IX_Tasks_PartnerAgencyId_Status" ON "Tasks" ("PartnerAgencyId", "Status");

CREATE INDEX "IX_Tasks_Status_DueAtUtc" ON "Tasks" ("Status", "DueAtUtc");

CREATE INDEX "IX_Tasks_WorkingGroupId_AssigneeId_Status" ON "Tasks" ("WorkingGroupId", "AssigneeId", "Status");

CREATE INDEX "IX_Timeline_CaseId_AtUtc" ON "Timeline" ("CaseId", "AtUtc");

CREATE INDEX "IX_Timeline_MatterId_AtUtc" ON "Timeline" ("MatterId", "AtUtc");

CREATE INDEX "IX_Timeline_TaskId" ON "Timeline" ("TaskId");

CREATE INDEX "IX_WindowVisits_CaseId" ON "WindowVisits" ("CaseId");

CREATE UNIQUE INDEX "IX_WindowVisits_MatterId" ON "WindowVisits" ("MatterId");

CREATE INDEX "IX_WindowVisits_StaffId" ON "WindowVisits" ("StaffId");

CREATE INDEX "IX_WindowVisits_StreetId_Purpose_VisitedAtUtc" ON "WindowVisits" ("StreetId", "Purpose", "VisitedAtUtc");

CREATE INDEX "IX_WindowVisits_StreetId_VisitedAtUtc" ON "WindowVisits" ("StreetId", "VisitedAtUtc");

CREATE INDEX "IX_WorkingGroupMembers_UserId" ON "WorkingGroupMembers" ("UserId");

CREATE UNIQUE INDEX "IX_WorkingGroups_StreetId_Kind" ON "WorkingGroups" ("StreetId", "Kind");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207225213_Initial', '10.0.15');

COMMIT;

