package io.zgnode.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.evm.crypto.hd.HdKeys;
import io.zgnode.tools.Main;
import io.zgnode.tools.keys.Bech32;
import io.zgnode.tools.keys.KeystoreV3;
import io.zgnode.tools.keys.Mnemonic;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zgnode keys ...} end to end through the picocli command line, in a temporary home. */
class KeysCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEV0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  private static final String DEV1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

  @TempDir Path tmp;
  Path home;
  Path pw;

  record Run(int code, String out, String err) {}

  static Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.execute(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @BeforeEach
  void setUp() throws Exception {
    home = tmp.resolve("home");
    pw = tmp.resolve("pw.txt");
    Files.writeString(pw, "correct horse\nsecond line is ignored\n");
  }

  private Run keys(String stdin, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "keys";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--home";
    all[args.length + 2] = home.toString();
    return run(stdin, all);
  }

  private static void ok(Run r) {
    assertEquals(0, r.code(), r.toString());
  }

  private static void fails(Run r, String expectedError) {
    assertEquals(1, r.code(), r.toString());
    assertEquals(List.of("error: " + expectedError), r.err().lines().toList(), r.toString());
  }

  private Run recoverDev(String name, int index) {
    return keys(
        HdKeys.DEV_MNEMONIC + "\n",
        "add",
        name,
        "--recover",
        "--index",
        "" + index,
        "--light",
        "--password-file",
        pw.toString());
  }

  @Test
  void roundTripAddShowListExportImportDelete() throws Exception {
    Run add = recoverDev("alice", 0);
    ok(add);
    assertTrue(add.out().contains("address: " + DEV0 + "\n"), add.out());
    assertEquals("", add.err(), "a recovered key prints no mnemonic");
    ok(recoverDev("bob.1", 1));

    Run show = keys("", "show", "alice", "--address");
    ok(show);
    assertEquals(DEV0 + "\n", show.out());
    Run bech = keys("", "show", "alice", "--bech32");
    ok(bech);
    assertTrue(bech.out().startsWith("0g1"), bech.out());
    assertEquals(
        DEV0.substring(2).toLowerCase(),
        io.zgnode.evm.bytes.Hex.encodePlain(Bech32.decodeBytes("0g", bech.out().strip())));

    Run list = keys("", "list", "--json");
    ok(list);
    JsonNode arr = JSON.readTree(list.out());
    assertEquals(2, arr.size());
    assertEquals("alice", arr.get(0).get("name").asText());
    assertEquals(DEV0, arr.get(0).get("address").asText());
    assertEquals(bech.out().strip(), arr.get(0).get("bech32").asText());
    assertEquals("bob.1", arr.get(1).get("name").asText());
    assertEquals(DEV1, arr.get(1).get("address").asText());
    Run table = keys("", "list", "--bech32-prefix", "cosmos");
    ok(table);
    assertEquals(3, table.out().lines().count(), table.out());
    assertTrue(table.out().lines().skip(1).allMatch(l -> l.contains(" cosmos1")), table.out());

    // Export the encrypted file, delete the key, import the file back: same address.
    Path exported = tmp.resolve("out/alice.json");
    ok(keys("", "export", "alice", "--out", exported.toString()));
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(exported)));
    assertArrayEqualsKey(
        HdKeys.devAccount(0), KeystoreV3.decrypt(Files.readString(exported), "correct horse"));
    Run del = keys("", "delete", "alice", "--yes");
    ok(del);
    assertEquals("deleted key alice (" + DEV0 + ")\n", del.out());
    fails(keys("", "show", "alice"), "no key named 'alice' in " + home.resolve("keyring"));
    ok(
        keys(
            "",
            "import",
            "alice2",
            "--keystore-file",
            exported.toString(),
            "--light",
            "--password-file",
            pw.toString()));
    assertEquals(DEV0 + "\n", keys("", "show", "alice2", "--address").out());

    // Unarmored export needs --unsafe, then the password; its hex imports again.
    fails(
        keys("", "export", "alice2", "--unarmored-hex", "--password-file", pw.toString()),
        "--unarmored-hex exports the private key in clear: add --unsafe to confirm");
    Run hex =
        keys(
            "",
            "export",
            "alice2",
            "--unarmored-hex",
            "--unsafe",
            "--password-file",
            pw.toString());
    ok(hex);
    assertTrue(hex.err().startsWith("WARNING: this is the private key of 'alice2' in clear"));
    assertTrue(hex.out().matches("[0-9a-f]{64}\n"), hex.out());
    ok(keys("", "delete", "alice2", "--yes"));
    Path hexFile = tmp.resolve("key.hex");
    Files.writeString(hexFile, "0x" + hex.out());
    Run imp =
        keys(
            "",
            "import",
            "carol",
            "--private-key-file",
            hexFile.toString(),
            "--light",
            "--password-file",
            pw.toString());
    ok(imp);
    assertTrue(imp.out().contains("address: " + DEV0 + "\n"), imp.out());
  }

  @Test
  void newKeyPrintsItsMnemonicOnceAndItRecoversTheKey() throws Exception {
    Run add = keys("", "add", "fresh", "--light", "--password-file", pw.toString());
    ok(add);
    assertTrue(add.err().startsWith("\n**Important** write this mnemonic phrase down"), add.err());
    String mnemonic = add.err().strip().lines().reduce((a, b) -> b).orElseThrow();
    assertEquals(24, mnemonic.split(" ").length);
    assertEquals(mnemonic, Mnemonic.validate(mnemonic));
    String address = keys("", "show", "fresh", "--address").out().strip();
    ok(keys("", "delete", "fresh", "--yes"));
    Run again =
        keys(
            mnemonic + "\n",
            "add",
            "again",
            "--recover",
            "--light",
            "--password-file",
            pw.toString());
    ok(again);
    assertTrue(again.out().contains("address: " + address + "\n"), again.out());
    assertFalse(
        Files.readString(home.resolve("keyring/again.json"))
            .contains(mnemonic.split(" ")[0] + " "));
  }

  @Test
  void filesAreOwnerOnly() throws Exception {
    ok(recoverDev("k", 0));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("keyring"))));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(home.resolve("keyring/k.json"))));
    JsonNode file = JSON.readTree(home.resolve("keyring/k.json").toFile());
    assertEquals(3, file.get("version").asInt());
    assertEquals(DEV0.substring(2).toLowerCase(), file.get("address").asText());
  }

  @Test
  void wrongPasswordIsOneLine() throws Exception {
    ok(recoverDev("k", 0));
    Path wrong = tmp.resolve("wrong.txt");
    Files.writeString(wrong, "battery staple\n");
    fails(
        keys("", "export", "k", "--unarmored-hex", "--unsafe", "--password-file", wrong.toString()),
        "wrong password for key k");
  }

  @Test
  void userErrorsAreOneLine() throws Exception {
    ok(recoverDev("k", 0));
    fails(recoverDev("k", 1), "a key named 'k' already exists");
    fails(recoverDev("k2", 0), "key 'k' already holds address " + DEV0);
    fails(
        recoverDev("../evil", 0),
        "invalid key name '../evil': use 1 to 64 characters from A-Z a-z 0-9 . _ -, not starting"
            + " with '.'");
    fails(
        keys("", "show", ".hidden"),
        "invalid key name '.hidden': use 1 to 64 characters from"
            + " A-Z a-z 0-9 . _ -, not starting with '.'");
    fails(
        keys("", "show", "x".repeat(65)),
        "invalid key name '"
            + "x".repeat(65)
            + "': use 1 to"
            + " 64 characters from A-Z a-z 0-9 . _ -, not starting with '.'");
    fails(
        keys("", "delete", "nobody", "--yes"),
        "no key named 'nobody' in " + home.resolve("keyring"));
    fails(keys("", "delete", "k"), "refusing to delete key 'k' without --yes");
    Path empty = tmp.resolve("empty.txt");
    Files.writeString(empty, "\n");
    fails(
        keys(
            HdKeys.DEV_MNEMONIC,
            "add",
            "e",
            "--recover",
            "--light",
            "--password-file",
            empty.toString()),
        "refusing an empty password");
    fails(
        keys("", "add", "n", "--light"),
        "no terminal to ask the password of key n on: use --password-file FILE");
    fails(
        keys(
            "test test test test\n",
            "add",
            "m",
            "--recover",
            "--light",
            "--password-file",
            pw.toString()),
        "invalid mnemonic: a BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, got 4");
    Path badHex = tmp.resolve("bad.hex");
    Files.writeString(badHex, "0x1234");
    fails(
        keys(
            "",
            "import",
            "h",
            "--private-key-file",
            badHex.toString(),
            "--password-file",
            pw.toString()),
        "private key file " + badHex + " must hold 64 hex digits (optionally 0x-prefixed)");
    Run usage = keys("", "import", "h", "--password-file", pw.toString());
    assertEquals(2, usage.code(), usage.toString());
    assertEquals(1, usage.err().lines().count(), usage.err());
  }

  @Test
  void corruptFileIsOneLineAndListStillShowsTheRest() throws Exception {
    ok(recoverDev("good", 0));
    Path bad = home.resolve("keyring/bad.json");
    Files.writeString(bad, "{\"version\":3,\"address\":\"nothex\"}");
    fails(
        keys("", "show", "bad"), "corrupt key file " + bad + ": \"address\" is not 40 hex digits");
    Run list = keys("", "list");
    assertEquals(1, list.code(), list.toString());
    assertTrue(list.out().contains("good  " + DEV0), list.out());
    assertEquals(
        List.of("error: corrupt key file " + bad + ": \"address\" is not 40 hex digits"),
        list.err().lines().toList());
    Files.writeString(bad, "not json");
    fails(
        keys("", "export", "bad", "--unarmored-hex", "--unsafe", "--password-file", pw.toString()),
        "corrupt key file " + bad + ": not valid JSON");
  }

  @Test
  void emptyKeyringAndHelp() {
    Run list = keys("", "list");
    ok(list);
    assertEquals("no keys in " + home.resolve("keyring") + "\n", list.out());
    for (String verb : List.of("add", "list", "show", "import", "export", "delete")) {
      Run help = run("", "keys", verb, "--help");
      ok(help);
      assertTrue(help.out().startsWith("Usage: zgnode keys " + verb), help.out());
    }
    Run bare = run("", "keys");
    assertEquals(2, bare.code());
  }

  private static void assertArrayEqualsKey(java.math.BigInteger expected, byte[] actual) {
    assertEquals(expected, new java.math.BigInteger(1, actual));
  }
}
