package io.zgnode.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.crypto.hd.HdKeys;
import io.zgnode.tools.CliException;
import io.zgnode.tools.home.NodeHome;
import io.zgnode.tools.keys.KeyInfo;
import io.zgnode.tools.keys.Keyring;
import io.zgnode.tools.keys.KeystoreException;
import io.zgnode.tools.keys.KeystoreV3;
import io.zgnode.tools.keys.KeystoreV3.ScryptParams;
import io.zgnode.tools.keys.Mnemonic;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = {
      "Account keys (secp256k1, Ethereum addresses) in <home>/keyring/, one file per key,"
          + " encrypted at rest as Web3 Secret Storage v3 (scrypt, AES-128-CTR) so geth and ethers"
          + " read them. Only the private key is stored, never the mnemonic.",
      "Passwords come from the terminal or --password-file (first line), never from the command"
          + " line. Addresses are shown as 0x (EIP-55) and as bech32 with prefix '"
          + KeysCommand.DEFAULT_HRP
          + "' (the same 20 bytes)."
    },
    subcommands = {
      KeysCommand.Add.class,
      KeysCommand.ListKeys.class,
      KeysCommand.Show.class,
      KeysCommand.Import.class,
      KeysCommand.Export.class,
      KeysCommand.Delete.class
    })
public final class KeysCommand implements Runnable {
  /** 0G's Cosmos account prefix, so addresses read the same as on its other chains. */
  public static final String DEFAULT_HRP = "0g";

  static final int MNEMONIC_WORDS = 24;
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a keys command: add, list, show, import, export, delete");
  }

  /** {@code --home}: the keyring is {@code <home>/keyring/}. */
  static final class HomeOption {
    @Option(
        names = "--home",
        required = true,
        paramLabel = "DIR",
        description = "Node home; keys live in DIR/keyring/.")
    String home;

    Keyring keyring() {
      return Keyring.inHome(NodeHome.of(home).dir());
    }
  }

  /** Where a password comes from: the terminal, or the first line of a file. */
  static final class PasswordOption {
    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        description = "Read the password from the first line of FILE instead of the terminal.")
    Path passwordFile;

    /** A password for a new file: asked twice on a terminal. */
    String forNewKey(String name) {
      String pw =
          passwordFile != null
              ? fromFile()
              : prompt("Password to encrypt key " + name + ": ", true, name);
      return requireNonEmpty(pw);
    }

    /** The password of an existing key. */
    String forKey(String name) {
      return requireNonEmpty(
          passwordFile != null
              ? fromFile()
              : prompt("Password of key " + name + ": ", false, name));
    }

    private String fromFile() {
      try (BufferedReader r = Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8)) {
        String line = r.readLine();
        return line == null ? "" : line;
      } catch (NoSuchFileException e) {
        throw new CliException("password file " + passwordFile + " does not exist");
      } catch (IOException e) {
        throw new CliException("cannot read password file " + passwordFile + ": " + e.getMessage());
      }
    }

    private static String prompt(String text, boolean twice, String name) {
      Console c = terminal();
      if (c == null) {
        throw new CliException(
            "no terminal to ask the password of key " + name + " on: use --password-file FILE");
      }
      char[] first = c.readPassword("%s", text);
      if (first == null) {
        throw new CliException("no password given");
      }
      try {
        if (twice) {
          char[] again = c.readPassword("%s", "Repeat the password: ");
          try {
            if (again == null || !Arrays.equals(first, again)) {
              throw new CliException("the passwords do not match");
            }
          } finally {
            if (again != null) {
              Arrays.fill(again, '\0');
            }
          }
        }
        return new String(first);
      } finally {
        Arrays.fill(first, '\0');
      }
    }

    private static String requireNonEmpty(String pw) {
      if (pw.isEmpty()) {
        throw new CliException("refusing an empty password");
      }
      return pw;
    }
  }

  /** {@code --bech32-prefix} for commands that show addresses. */
  static final class PrefixOption {
    @Option(
        names = "--bech32-prefix",
        paramLabel = "HRP",
        defaultValue = DEFAULT_HRP,
        description = "Human-readable part of bech32 addresses (default ${DEFAULT-VALUE}).")
    String hrp;

    String bech32(KeyInfo k) {
      try {
        return k.bech32(hrp);
      } catch (IllegalArgumentException e) {
        throw new CliException("bad --bech32-prefix: " + e.getMessage());
      }
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Create a key from a new 24-word BIP-39 mnemonic (printed once, on stderr: write it down),"
            + " or with --recover from a mnemonic typed at the prompt or given on standard input."
            + " The key is m/44'/60'/0'/0/INDEX, as MetaMask and Hardhat derive it."
      })
  public static final class Add implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "NAME", description = "Key name: [A-Za-z0-9._-]{1,64}.")
    String name;

    @Mixin HomeOption home;
    @Mixin PasswordOption password;
    @Mixin PrefixOption prefix;

    @Option(names = "--recover", description = "Derive the key from an existing mnemonic.")
    boolean recover;

    @Option(
        names = "--index",
        paramLabel = "N",
        defaultValue = "0",
        description = "Account index in m/44'/60'/0'/0/N (default ${DEFAULT-VALUE}).")
    int index;

    @Option(
        names = "--light",
        description = "Cheap scrypt (n=4096) for tests and throwaway devnet keys only.")
    boolean light;

    public Add(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Keyring keyring = home.keyring();
      Keyring.checkName(name);
      if (index < 0) {
        throw new CliException("--index must be 0 or more, got " + index);
      }
      if (keyring.contains(name)) {
        throw new CliException("a key named '" + name + "' already exists");
      }
      SecureRandom random = new SecureRandom();
      String mnemonic = recover ? readMnemonic() : Mnemonic.generate(MNEMONIC_WORDS, random);
      byte[] key = toBytes(HdKeys.account(mnemonic, index));
      try {
        KeyInfo info = keyring.add(name, key, password.forNewKey(name), scrypt(light), random);
        printInfo(ctx, info, prefix);
      } finally {
        Arrays.fill(key, (byte) 0);
      }
      if (!recover) {
        ctx.err().println();
        ctx.err()
            .println(
                "**Important** write this mnemonic phrase down and keep it safe. It is the only"
                    + " way to recover the key if the file or its password is lost; it is not"
                    + " stored and will not be shown again.");
        ctx.err().println();
        ctx.err().println(mnemonic);
      }
      return 0;
    }

    private String readMnemonic() {
      String text;
      if (ctx.in() == System.in && terminal() != null) {
        char[] typed = terminal().readPassword("%s", "Enter your BIP-39 mnemonic: ");
        text = typed == null ? "" : new String(typed);
        if (typed != null) {
          Arrays.fill(typed, '\0');
        }
      } else {
        text = firstNonBlankLine();
      }
      try {
        return Mnemonic.validate(text);
      } catch (IllegalArgumentException e) {
        throw new CliException("invalid mnemonic: " + e.getMessage());
      }
    }

    private String firstNonBlankLine() {
      BufferedReader r =
          new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8));
      try {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (!line.isBlank()) {
            return line;
          }
        }
        return "";
      } catch (IOException e) {
        throw new CliException("cannot read the mnemonic from standard input: " + e.getMessage());
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Every key: name, 0x address (EIP-55) and bech32 address. No password needed.")
  public static final class ListKeys implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin HomeOption home;
    @Mixin PrefixOption prefix;

    @Option(names = "--json", description = "One JSON array on one line.")
    boolean json;

    public ListKeys(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
      Keyring keyring = home.keyring();
      Keyring.Listing listing = keyring.list();
      List<KeyInfo> keys = listing.keys();
      if (json) {
        ArrayNode arr = JSON.createArrayNode();
        keys.forEach(k -> arr.add(toJson(k, prefix)));
        ctx.out().println(JSON.writeValueAsString(arr));
      } else if (keys.isEmpty() && listing.problems().isEmpty()) {
        ctx.out().println("no keys in " + keyring.dir());
      } else {
        int width = keys.stream().mapToInt(k -> k.name().length()).max().orElse(4);
        width = Math.max(width, 4);
        ctx.out().printf("%-" + width + "s  %-42s  %s%n", "NAME", "ADDRESS", "BECH32");
        for (KeyInfo k : keys) {
          ctx.out()
              .printf(
                  "%-" + width + "s  %s  %s%n",
                  k.name(),
                  k.address().toChecksumHex(),
                  prefix.bech32(k));
        }
      }
      List<String> problems = listing.problems();
      if (!problems.isEmpty()) {
        throw new CliException(
            problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
      }
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "One key's name, addresses and file. No password needed.")
  public static final class Show implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "NAME", description = "Key name.")
    String name;

    @Mixin HomeOption home;
    @Mixin PrefixOption prefix;

    @Option(names = "--address", description = "Print only the 0x address.")
    boolean address;

    @Option(names = "--bech32", description = "Print only the bech32 address.")
    boolean bech32;

    @Option(names = "--json", description = "One JSON object on one line.")
    boolean json;

    public Show(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
      KeyInfo k = home.keyring().info(name);
      if (address) {
        ctx.out().println(k.address().toChecksumHex());
      } else if (bech32) {
        ctx.out().println(prefix.bech32(k));
      } else if (json) {
        ctx.out().println(JSON.writeValueAsString(toJson(k, prefix)));
      } else {
        printInfo(ctx, k, prefix);
      }
      return 0;
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Store an existing key: a hex private key from a file, or a Web3 Secret Storage (v3)"
            + " keystore file such as geth, ethers or 'keys export' write.",
        "A keystore file is decrypted with the password asked for and stored again under the"
            + " same password."
      })
  public static final class Import implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "NAME", description = "Key name: [A-Za-z0-9._-]{1,64}.")
    String name;

    @Mixin HomeOption home;
    @Mixin PasswordOption password;
    @Mixin PrefixOption prefix;

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
      @Option(
          names = "--private-key-file",
          paramLabel = "FILE",
          description = "A file holding the private key as 64 hex digits (0x optional).")
      Path hexFile;

      @Option(
          names = "--keystore-file",
          paramLabel = "FILE",
          description = "A Web3 Secret Storage (v3) JSON file.")
      Path keystoreFile;
    }

    @Option(
        names = "--light",
        description = "Cheap scrypt (n=4096) for tests and throwaway devnet keys only.")
    boolean light;

    public Import(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Keyring keyring = home.keyring();
      Keyring.checkName(name);
      if (keyring.contains(name)) {
        throw new CliException("a key named '" + name + "' already exists");
      }
      byte[] key;
      String pw;
      if (source.hexFile != null) {
        key = readHexKey(source.hexFile);
        pw = password.forNewKey(name);
      } else {
        String json = readText(source.keystoreFile);
        pw = password.forKey(name);
        try {
          key = KeystoreV3.decrypt(json, pw);
        } catch (KeystoreException.WrongPassword e) {
          throw new CliException("wrong password for keystore file " + source.keystoreFile);
        } catch (KeystoreException e) {
          throw new CliException(
              "cannot read keystore file " + source.keystoreFile + ": " + e.getMessage());
        }
      }
      try {
        printInfo(ctx, keyring.add(name, key, pw, scrypt(light), new SecureRandom()), prefix);
      } finally {
        Arrays.fill(key, (byte) 0);
      }
      return 0;
    }

    private static byte[] readHexKey(Path file) {
      String text = readText(file).strip();
      String body = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
      if (!body.matches("[0-9a-fA-F]{64}")) {
        throw new CliException(
            "private key file " + file + " must hold 64 hex digits (optionally 0x-prefixed)");
      }
      byte[] key = Hex.decode(body);
      BigInteger d = new BigInteger(1, key);
      if (d.signum() == 0 || d.compareTo(Secp256k1.N) >= 0) {
        throw new CliException("private key file " + file + " holds no valid secp256k1 key");
      }
      return key;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Write a key's encrypted keystore file (Web3 Secret Storage v3, readable by geth and"
            + " ethers) to --out, or print it.",
        "--unarmored-hex --unsafe prints (or writes) the private key in clear instead, after"
            + " asking its password."
      })
  public static final class Export implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "NAME", description = "Key name.")
    String name;

    @Mixin HomeOption home;
    @Mixin PasswordOption password;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "Write to FILE (mode 0600, never overwritten) instead of standard output.")
    Path out;

    @Option(names = "--unarmored-hex", description = "Export the private key in clear, as hex.")
    boolean unarmoredHex;

    @Option(
        names = "--unsafe",
        description = "Confirm that the private key may leave the keyring unencrypted.")
    boolean unsafe;

    public Export(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Keyring keyring = home.keyring();
      String text;
      if (unarmoredHex) {
        if (!unsafe) {
          throw new CliException(
              "--unarmored-hex exports the private key in clear: add --unsafe to confirm");
        }
        keyring.info(name);
        byte[] key = keyring.privateKey(name, password.forKey(name));
        text = Hex.encodePlain(key) + "\n";
        Arrays.fill(key, (byte) 0);
        ctx.err()
            .println(
                "WARNING: this is the private key of '"
                    + name
                    + "' in clear; anyone who sees it controls the account.");
      } else {
        keyring.info(name); // refuses a corrupt file before copying it anywhere
        text = keyring.keystoreJson(name);
      }
      if (out == null) {
        ctx.out().print(text);
      } else {
        Keyring.writeSecretFile(out, text);
        ctx.out().println("wrote " + out.toAbsolutePath().normalize());
      }
      return 0;
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description =
          "Remove a key's file. Without --yes, asks on the terminal. Only its mnemonic or an"
              + " export can bring it back.")
  public static final class Delete implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "NAME", description = "Key name.")
    String name;

    @Mixin HomeOption home;

    @Option(
        names = {"--yes", "-y"},
        description = "Do not ask for confirmation.")
    boolean yes;

    public Delete(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Keyring keyring = home.keyring();
      KeyInfo k = keyring.info(name);
      if (!yes) {
        Console c = terminal();
        if (c == null) {
          throw new CliException("refusing to delete key '" + name + "' without --yes");
        }
        String answer =
            c.readLine(
                "Delete key '%s' (%s)? It cannot be recovered without its mnemonic or an"
                    + " export. [y/N] ",
                name, k.address().toChecksumHex());
        if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
          throw new CliException("key '" + name + "' not deleted");
        }
      }
      keyring.delete(name);
      ctx.out().println("deleted key " + name + " (" + k.address().toChecksumHex() + ")");
      return 0;
    }
  }

  private static void printInfo(CliContext ctx, KeyInfo k, PrefixOption prefix) {
    ctx.out().println("name: " + k.name());
    ctx.out().println("address: " + k.address().toChecksumHex());
    ctx.out().println("bech32: " + prefix.bech32(k));
    ctx.out().println("file: " + k.file());
  }

  private static ObjectNode toJson(KeyInfo k, PrefixOption prefix) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", k.name());
    o.put("address", k.address().toChecksumHex());
    o.put("bech32", prefix.bech32(k));
    return o;
  }

  private static ScryptParams scrypt(boolean light) {
    return light ? ScryptParams.LIGHT : ScryptParams.STANDARD;
  }

  private static byte[] toBytes(BigInteger key) {
    byte[] raw = key.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException(file + " does not exist");
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /**
   * The console when standard input and output are a terminal. Since JDK 22 {@code
   * System.console()} may answer even when they are redirected; {@code isTerminal()} (not in the
   * release 21 API) tells, so it is looked up at run time.
   */
  static Console terminal() {
    Console c = System.console();
    if (c == null) {
      return null;
    }
    try {
      Object t = Console.class.getMethod("isTerminal").invoke(c);
      return Boolean.TRUE.equals(t) ? c : null;
    } catch (ReflectiveOperationException e) {
      return c;
    }
  }
}
