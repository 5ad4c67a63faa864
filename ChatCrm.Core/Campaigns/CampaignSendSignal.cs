using ChatCrm.Core.Common;

namespace ChatCrm.Core.Campaigns;

/// <summary>Wakes the campaign sender at once when a send starts, instead of at its next poll.</summary>
public sealed class CampaignSendSignal : WakeSignal;
