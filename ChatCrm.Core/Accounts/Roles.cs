namespace ChatCrm.Core.Accounts;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Agent = "Agent";
    public const string Client = "Client";

    public static readonly IReadOnlyList<string> All = [Admin, Agent, Client];

    /// <summary>Who may work CRM records and see every chat user.</summary>
    public const string Staff = Admin + "," + Agent;
}
