using System.CommandLine;
using System.Text;
using TradingBot.Dashboard.Security;

namespace TradingBot.Silo.Cli;

/// <summary><c>trading-bot hash-password</c>: reads the dashboard password twice without echo and prints its hash.</summary>
internal static class HashPasswordVerb
{
    private const int MinimumLength = 10;

    public static Command Create()
    {
        var command = new Command("hash-password", "Hash a dashboard password for Dashboard:PasswordHash / DASHBOARD_PASSWORD_HASH (the password itself is never stored).");
        command.SetAction(_ =>
        {
            var first = ReadSecret("Dashboard password: ");
            var second = ReadSecret("Repeat: ");
            if (first != second)
            {
                Console.Error.WriteLine("The two entries differ; nothing was hashed.");
                return 2;
            }

            if (first.Length < MinimumLength)
            {
                Console.Error.WriteLine($"Use at least {MinimumLength} characters.");
                return 2;
            }

            Console.WriteLine(PasswordHashing.Hash(first));
            return 0;
        });
        return command;
    }

    private static string ReadSecret(string prompt)
    {
        Console.Error.Write(prompt);
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? "";
        }

        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
