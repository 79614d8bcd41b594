namespace TradingBot.Runtime.Core;

/// <summary>
/// Finds the message whose turn is running on this thread. Exclusive turns are found through the activation
/// (no ExecutionContext change per call); interleaving turns flow their message in an AsyncLocal.
/// </summary>
internal static class CallChain
{
    private static readonly AsyncLocal<Message?> s_interleaved = new();

    public static Message? Interleaved
    {
        get => s_interleaved.Value;
        set => s_interleaved.Value = value;
    }

    public static Message? Current()
    {
        var local = s_interleaved.Value;
        var queue = WorkQueue.Current;
        if (queue is Activation activation)
        {
            if (local is not null && local.Activation == activation)
            {
                return local;
            }

            return activation.ExclusiveMessage ?? local;
        }

        return local;
    }

    /// <summary>
    /// True when <paramref name="message"/> could never be admitted by <paramref name="target"/> because a message
    /// that is waiting on this very chain holds the target.
    /// </summary>
    public static bool WouldDeadlock(Activation target, Message message, out List<string> chain)
    {
        chain = null!;
        for (var node = message.Caller; node is not null; node = node.Caller)
        {
            if (node.Activation != target || node.IsCompleted)
            {
                continue;
            }

            if (target.Class.Reentrant || message.IsAlwaysInterleave || node.IsAlwaysInterleave || (message.IsReadOnly && node.IsReadOnly))
            {
                continue;
            }

            chain = Describe(message);
            return true;
        }

        return false;
    }

    private static List<string> Describe(Message message)
    {
        var list = new List<string>();
        for (var node = message.Caller; node is not null && list.Count < 64; node = node.Caller)
        {
            list.Add(node.ToString());
        }

        list.Reverse();
        list.Add(message.ToString());
        return list;
    }
}
