<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>tidemark::ui::AboutDialog</name>
    <message>
        <source>About Tidemark</source>
        <translation>Über Tidemark</translation>
    </message>
    <message>
        <source>Plan, run and review SQL schema migrations, compatible with Jetbase.</source>
        <translation>SQL-Schemamigrationen planen, ausführen und prüfen, kompatibel mit Jetbase.</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Erstellt mit Qt %1, läuft mit Qt %2.</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Report a problem</source>
        <translation>Problem melden</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ChangeList</name>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Possible renames</source>
        <translation>Mögliche Umbenennungen</translation>
    </message>
    <message>
        <source>Data loss: %1</source>
        <translation>Datenverlust: %1</translation>
    </message>
    <message>
        <source>%1
Data loss: %2</source>
        <translation>%1
Datenverlust: %2</translation>
    </message>
    <message>
        <source>Changes (%1)</source>
        <translation>Änderungen (%1)</translation>
    </message>
    <message>
        <source>Ticked: rename instead of dropping and adding (%1)</source>
        <translation>Angehakt: umbenennen statt löschen und neu anlegen (%1)</translation>
    </message>
    <message>
        <source>Changes to include</source>
        <translation>Einzuschließende Änderungen</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Key or index</source>
        <translation>Schlüssel oder Index</translation>
    </message>
    <message>
        <source>Enum type</source>
        <translation>Aufzählungstyp</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Sequenz</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::CompareDialog</name>
    <message>
        <source>not applied</source>
        <translation>nicht angewendet</translation>
    </message>
    <message>
        <source>applied, other checksum</source>
        <translation>angewendet, andere Prüfsumme</translation>
    </message>
    <message>
        <source>applied %1</source>
        <translation>angewendet %1</translation>
    </message>
    <message>
        <source>Compare With Another Database</source>
        <translation>Mit einer anderen Datenbank vergleichen</translation>
    </message>
    <message>
        <source>Database to compare with</source>
        <translation>Datenbank zum Vergleichen</translation>
    </message>
    <message>
        <source>A database URL</source>
        <translation>Eine Datenbank-URL</translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation>Datenbank-URL</translation>
    </message>
    <message>
        <source>postgresql://user:password@host/database</source>
        <translation>postgresql://benutzer:passwort@host/datenbank</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Compare &amp;with:</source>
        <translation>Vergleichen &amp;mit:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Migrations applied on each database</source>
        <translation>Angewendete Migrationen je Datenbank</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>This project&apos;s database</source>
        <translation>Datenbank dieses Projekts</translation>
    </message>
    <message>
        <source>The other</source>
        <translation>Die andere</translation>
    </message>
    <message>
        <source>Choose a database and press Compare.</source>
        <translation>Wählen Sie eine Datenbank und drücken Sie Vergleichen.</translation>
    </message>
    <message>
        <source>&amp;Schema Differences…</source>
        <translation>&amp;Schemaunterschiede…</translation>
    </message>
    <message>
        <source>Compare the schemas and review the migration that makes this project&apos;s database like the other one</source>
        <translation>Die Schemas vergleichen und die Migration prüfen, die die Datenbank dieses Projekts der anderen angleicht</translation>
    </message>
    <message>
        <source>Type the URL of the database to compare with, or choose a connection profile.</source>
        <translation>Geben Sie die URL der Datenbank zum Vergleichen ein oder wählen Sie ein Verbindungsprofil.</translation>
    </message>
    <message>
        <source>Reading both histories…</source>
        <translation>Beide Verläufe werden gelesen…</translation>
    </message>
    <message>
        <source>Both databases have applied the same migrations.</source>
        <translation>Beide Datenbanken haben dieselben Migrationen angewendet.</translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) differ.</source>
        <translation>
            <numerusform>%n Migration unterscheidet sich.</numerusform>
            <numerusform>%n Migrationen unterscheiden sich.</numerusform>
        </translation>
    </message>
    <message>
        <source>Other database: %1</source>
        <translation>Andere Datenbank: %1</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ConfirmDialog</name>
    <message>
        <source>Will run, in this order:</source>
        <translation>Wird in dieser Reihenfolge ausgeführt:</translation>
    </message>
    <message>
        <source>Will be lost or overwritten:</source>
        <translation>Geht verloren oder wird überschrieben:</translation>
    </message>
    <message>
        <source>The exact SQL:</source>
        <translation>Das genaue SQL:</translation>
    </message>
    <message>
        <source>This connection is marked production. Type the database name “%1” to go ahead:</source>
        <translation>Diese Verbindung ist als Produktion markiert. Geben Sie zum Fortfahren den Datenbanknamen „%1“ ein:</translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s)</source>
        <translation>
            <numerusform>%n Anweisung</numerusform>
            <numerusform>%n Anweisungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message numerus="yes">
        <source>Apply %n migration(s) to %1?</source>
        <translation>
            <numerusform>%n Migration auf %1 anwenden?</numerusform>
            <numerusform>%n Migrationen auf %1 anwenden?</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: runs again; what its last run did is replaced</source>
        <translation>%1: läuft erneut; was ihr letzter Lauf bewirkt hat, wird ersetzt</translation>
    </message>
    <message>
        <source>%1: applied, but the file changed since (checksum differs)</source>
        <translation>%1: angewendet, aber die Datei wurde seitdem geändert (Prüfsumme weicht ab)</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Rollback</translation>
    </message>
    <message numerus="yes">
        <source>Roll back %n migration(s) on %1? Their rollback sections run and whatever those drop is lost.</source>
        <translation>
            <numerusform>Rollback von %n Migration auf %1 ausführen? Ihr Rollback-Abschnitt wird ausgeführt, und alles, was er löscht, geht verloren.</numerusform>
            <numerusform>Rollback von %n Migrationen auf %1 ausführen? Ihre Rollback-Abschnitte werden ausgeführt, und alles, was diese löschen, geht verloren.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: undone (its tables, columns and data as its rollback drops)</source>
        <translation>%1: rückgängig gemacht (ihre Tabellen, Spalten und Daten, soweit ihr Rollback sie löscht)</translation>
    </message>
    <message>
        <source>drops table %1 and its rows</source>
        <translation>löscht die Tabelle %1 mit ihren Zeilen</translation>
    </message>
    <message>
        <source>drops view %1</source>
        <translation>löscht die Sicht %1</translation>
    </message>
    <message>
        <source>drops column %1 and its values</source>
        <translation>löscht die Spalte %1 mit ihren Werten</translation>
    </message>
    <message>
        <source>drops index %1</source>
        <translation>löscht den Index %1</translation>
    </message>
    <message>
        <source>drops trigger %1</source>
        <translation>löscht den Trigger %1</translation>
    </message>
    <message>
        <source>deletes rows from %1</source>
        <translation>löscht Zeilen aus %1</translation>
    </message>
    <message>
        <source>Will run</source>
        <translation>Wird ausgeführt</translation>
    </message>
    <message>
        <source>Will be lost or overwritten</source>
        <translation>Geht verloren oder wird überschrieben</translation>
    </message>
    <message>
        <source>The exact SQL</source>
        <translation>Das genaue SQL</translation>
    </message>
    <message>
        <source>drops materialized view %1 and its rows</source>
        <translation>löscht die materialisierte Sicht %1 mit ihren Zeilen</translation>
    </message>
    <message>
        <source>drops schema %1 and everything in it</source>
        <translation>löscht das Schema %1 mit allem, was darin ist</translation>
    </message>
    <message>
        <source>drops database %1 and everything in it</source>
        <translation>löscht die Datenbank %1 mit allem, was darin ist</translation>
    </message>
    <message>
        <source>drops sequence %1 and its current value</source>
        <translation>löscht die Sequenz %1 mit ihrem aktuellen Wert</translation>
    </message>
    <message>
        <source>drops type %1</source>
        <translation>löscht den Typ %1</translation>
    </message>
    <message>
        <source>drops function %1</source>
        <translation>löscht die Funktion %1</translation>
    </message>
    <message>
        <source>drops procedure %1</source>
        <translation>löscht die Prozedur %1</translation>
    </message>
    <message>
        <source>runs a %1 statement that is not recognised: %2</source>
        <translation>führt eine nicht erkannte %1-Anweisung aus: %2</translation>
    </message>
    <message>
        <source>%1 and everything that depends on it</source>
        <translation>%1 und alles, was davon abhängt</translation>
    </message>
    <message>
        <source>%1 — without a transaction (transaction=off): statement by statement; a failure leaves it partly applied</source>
        <translation>%1 — ohne Transaktion (transaction=off): Anweisung für Anweisung; ein Fehler lässt sie teilweise angewendet zurück</translation>
    </message>
    <message numerus="yes">
        <source>Check found %n error(s); upgrading runs these files anyway:</source>
        <translation>
            <numerusform>Check hat %n Fehler gefunden; ein Upgrade führt diese Dateien trotzdem aus:</numerusform>
            <numerusform>Check hat %n Fehler gefunden; ein Upgrade führt diese Dateien trotzdem aus:</numerusform>
        </translation>
    </message>
    <message>
        <source>Check found:</source>
        <translation>Check hat gefunden:</translation>
    </message>
    <message>
        <source>Check findings</source>
        <translation>Check-Befunde</translation>
    </message>
    <message numerus="yes">
        <source>Upgrade despite %n error(s)</source>
        <translation>
            <numerusform>Upgrade trotz %n Fehler</numerusform>
            <numerusform>Upgrade trotz %n Fehlern</numerusform>
        </translation>
    </message>
    <message>
        <source>Rehearsed at %1 on a throwaway copy: these files upgraded, rolled back and upgraded again cleanly.</source>
        <translation>Um %1 auf einer Wegwerfkopie geprobt: Upgrade, Rollback und erneutes Upgrade dieser Dateien liefen sauber.</translation>
    </message>
    <message>
        <source>The rehearsal at %1 of these files FAILED (see Rehearse).</source>
        <translation>Die Probe dieser Dateien um %1 ist FEHLGESCHLAGEN (siehe Proben).</translation>
    </message>
    <message>
        <source>These files were not rehearsed as they are now. Rehearse first, or type the name to go ahead.</source>
        <translation>Diese Dateien wurden in ihrem jetzigen Stand nicht geprobt. Proben Sie zuerst, oder geben Sie zum Fortfahren den Namen ein.</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ConnectionChooser</name>
    <message>
        <source>Connection &amp;Profiles…</source>
        <translation>Verbindungs&amp;profile…</translation>
    </message>
    <message>
        <source>The connection of this project: its own URL or a saved profile</source>
        <translation>Die Verbindung dieses Projekts: seine eigene URL oder ein gespeichertes Profil</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Project&apos;s URL</source>
        <translation>URL des Projekts</translation>
    </message>
    <message>
        <source>Project&apos;s URL: %1</source>
        <translation>URL des Projekts: %1</translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation>Profil %1: %2</translation>
    </message>
    <message>
        <source>(production)</source>
        <translation>(Produktion)</translation>
    </message>
    <message>
        <source>The password of the profile %1 could not be read; connecting without it.

%2</source>
        <translation>Das Passwort des Profils %1 konnte nicht gelesen werden; die Verbindung wird ohne Passwort aufgebaut.

%2</translation>
    </message>
    <message>
        <source>Connection Profiles</source>
        <translation>Verbindungsprofile</translation>
    </message>
    <message>
        <source>&amp;Connection Toolbar</source>
        <translation>&amp;Verbindungsleiste</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>&amp;Verbindung:</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ConnectionProfiles</name>
    <message>
        <source>The URL is empty.</source>
        <translation>Die URL ist leer.</translation>
    </message>
    <message>
        <source>Type a SQLAlchemy URL such as postgresql://user@localhost:5432/app.</source>
        <translation>Geben Sie eine SQLAlchemy-URL ein, etwa postgresql://user@localhost:5432/app.</translation>
    </message>
    <message>
        <source>The URL holds a secret outside its user info (a password or token query value): %1</source>
        <translation>Die URL enthält ein Geheimnis außerhalb der Benutzerangabe (einen Abfragewert password oder token): %1</translation>
    </message>
    <message>
        <source>Remove it from the URL and type it in the Password field.</source>
        <translation>Entfernen Sie es aus der URL und geben Sie es im Feld „Passwort“ ein.</translation>
    </message>
    <message>
        <source>%1 (production)</source>
        <translation>%1 (Produktion)</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ConnectionProfilesDialog</name>
    <message>
        <source>&amp;Production: ask for the database name before changes</source>
        <translation>&amp;Produktion: vor Änderungen nach dem Datenbanknamen fragen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Connection Profiles</source>
        <translation>Verbindungsprofile</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>kept in the system keychain</source>
        <translation>wird im Schlüsselbund des Systems aufbewahrt</translation>
    </message>
    <message>
        <source>unchanged (in the system keychain); type to replace</source>
        <translation>unverändert (im Schlüsselbund des Systems); zum Ersetzen eingeben</translation>
    </message>
    <message>
        <source>The URL and the Password field hold different passwords. Keep one of them.</source>
        <translation>Die URL und das Feld „Passwort“ enthalten verschiedene Passwörter. Behalten Sie nur eines davon.</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Saving the password in the system keychain…</source>
        <translation>Das Passwort wird im Schlüsselbund des Systems gespeichert…</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>Nicht gespeichert. %1</translation>
    </message>
    <message>
        <source>Saved; the password is in the system keychain.</source>
        <translation>Gespeichert; das Passwort liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Removing the password from the system keychain…</source>
        <translation>Das Passwort wird aus dem Schlüsselbund des Systems entfernt…</translation>
    </message>
    <message>
        <source>Not deleted. %1</source>
        <translation>Nicht gelöscht. %1</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Gelöscht.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>Reading the password from the system keychain…</source>
        <translation>Das Passwort wird aus dem Schlüsselbund des Systems gelesen…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ConnectionTester</name>
    <message>
        <source>Connected to %1.</source>
        <translation>Verbunden mit %1.</translation>
    </message>
    <message>
        <source>Connected to %1.
Server: %2</source>
        <translation>Verbunden mit %1.
Server: %2</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::DriftBanner</name>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>Check &amp;Now</source>
        <translation>&amp;Jetzt prüfen</translation>
    </message>
    <message numerus="yes">
        <source>Drift: %n change(s) made by hand: the database is not what its applied migrations make (checked at %1). make-migrations --from-drift or --undo-drift settles it.</source>
        <translation>
            <numerusform>Drift: %n Änderung von Hand: Die Datenbank ist nicht das, was ihre angewendeten Migrationen ergeben (geprüft um %1). make-migrations --from-drift oder --undo-drift bereinigt das.</numerusform>
            <numerusform>Drift: %n Änderungen von Hand: Die Datenbank ist nicht das, was ihre angewendeten Migrationen ergeben (geprüft um %1). make-migrations --from-drift oder --undo-drift bereinigt das.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::DriftDialog</name>
    <message>
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
    <message numerus="yes">
        <source>Left: the schema the %n applied migration file(s) make (replayed into %1). Right: the live database. Changed by hand:</source>
        <translation>
            <numerusform>Links: das Schema, das die %n angewendete Migrationsdatei ergibt (nachgespielt in %1). Rechts: die Live-Datenbank. Von Hand geändert:</numerusform>
            <numerusform>Links: das Schema, das die %n angewendeten Migrationsdateien ergeben (nachgespielt in %1). Rechts: die Live-Datenbank. Von Hand geändert:</numerusform>
        </translation>
    </message>
    <message>
        <source>What the applied migrations make</source>
        <translation>Was die angewendeten Migrationen ergeben</translation>
    </message>
    <message>
        <source>The live database</source>
        <translation>Die Live-Datenbank</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::EditorLink</name>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>Änderungen an %1 speichern?</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::FindReplaceDialog</name>
    <message>
        <source>Replace &amp;with:</source>
        <translation>Ersetzen &amp;durch:</translation>
    </message>
    <message>
        <source>&amp;Match case</source>
        <translation>&amp;Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Whole &amp;words</source>
        <translation>Nur ganze &amp;Wörter</translation>
    </message>
    <message>
        <source>Regular e&amp;xpression</source>
        <translation>Regulärer &amp;Ausdruck</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>Replace &amp;All</source>
        <translation>A&amp;lle ersetzen</translation>
    </message>
    <message>
        <source>Find and Replace</source>
        <translation>Suchen und Ersetzen</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Nächstes suchen</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>&amp;Vorheriges suchen</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Nicht gefunden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n replacement(s)</source>
        <translation>
            <numerusform>%n Ersetzung</numerusform>
            <numerusform>%n Ersetzungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::JournalDialog</name>
    <message>
        <source>Batch %1, tool %2, checksum %3
</source>
        <translation>Batch %1, Werkzeug %2, Prüfsumme %3
</translation>
    </message>
    <message>
        <source>Error: %1
</source>
        <translation>Fehler: %1
</translation>
    </message>
    <message>
        <source>Failing statement (line %1):
%2
</source>
        <translation>Fehlgeschlagene Anweisung (Zeile %1):
%2
</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Filter by file, version, outcome, user…</source>
        <translation>Nach Datei, Version, Ergebnis, Benutzer filtern…</translation>
    </message>
    <message>
        <source>Filter the journal</source>
        <translation>Journal filtern</translation>
    </message>
    <message>
        <source>Journal entries</source>
        <translation>Journaleinträge</translation>
    </message>
    <message>
        <source>Details of the selected entry</source>
        <translation>Details des ausgewählten Eintrags</translation>
    </message>
    <message>
        <source>The journal could not be read: %1</source>
        <translation>Das Journal konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::MainWindow</name>
    <message>
        <source>Tidemark</source>
        <translation>Tidemark</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Tidemark</source>
        <translation>Ü&amp;ber Tidemark</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>Projekt &amp;öffnen…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;New Migration…</source>
        <translation>&amp;Neue Migration…</translation>
    </message>
    <message>
        <source>&amp;Upgrade All Pending…</source>
        <translation>&amp;Upgrade aller ausstehenden Migrationen…</translation>
    </message>
    <message>
        <source>Upgrade &amp;to Selected…</source>
        <translation>Upgrade bis zur Aus&amp;wahl…</translation>
    </message>
    <message>
        <source>Roll Back &amp;Last…</source>
        <translation>Rollback der &amp;letzten Migration…</translation>
    </message>
    <message>
        <source>Roll Back Last &amp;Batch…</source>
        <translation>Rollback des letzten &amp;Batches…</translation>
    </message>
    <message>
        <source>Roll Back to &amp;Selected…</source>
        <translation>Rollback bis &amp;zur Auswahl…</translation>
    </message>
    <message>
        <source>Roll back everything applied after the selected version; it stays</source>
        <translation>Rollback aller nach der ausgewählten Version angewendeten Migrationen; diese Version selbst bleibt bestehen</translation>
    </message>
    <message>
        <source>&amp;Dry Run</source>
        <translation>&amp;Probelauf</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>&amp;Validieren</translation>
    </message>
    <message>
        <source>Fix &amp;Checksums…</source>
        <translation>&amp;Prüfsummen korrigieren…</translation>
    </message>
    <message>
        <source>Fix &amp;Files…</source>
        <translation>&amp;Dateien korrigieren…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>U&amp;nlock…</source>
        <translation>&amp;Entsperren…</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Projekt</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Migrate</source>
        <translation>&amp;Migrieren</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Datenbank</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Busy: wait for the current operation to finish.</source>
        <translation>Beschäftigt: Warten Sie, bis der aktuelle Vorgang abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Open Project (the jetbase folder or the folder holding it)</source>
        <translation>Projekt öffnen (der jetbase-Ordner oder der Ordner, der ihn enthält)</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>%1 erstellt</translation>
    </message>
    <message>
        <source>%1 — %2 — Tidemark</source>
        <translation>%1 — %2 — Tidemark</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) block an upgrade; see Validate.</source>
        <translation>
            <numerusform>%n Problem verhindert ein Upgrade; siehe Validieren.</numerusform>
            <numerusform>%n Probleme verhindern ein Upgrade; siehe Validieren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a project with Project › Open Project… (Ctrl+O) or a recent one, or start tidemark with the project&apos;s folder.</source>
        <translation>Öffnen Sie ein Projekt mit Projekt › Projekt öffnen… (Strg+O) oder ein zuletzt geöffnetes, oder starten Sie tidemark mit dem Ordner des Projekts.</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>Kein Projekt</translation>
    </message>
    <message>
        <source>Stop and Quit</source>
        <translation>Anhalten und beenden</translation>
    </message>
    <message>
        <source>A run is in progress. Stop it (the current file is rolled back) and quit?</source>
        <translation>Ein Lauf ist im Gange. Anhalten (für die aktuelle Datei wird ein Rollback ausgeführt) und beenden?</translation>
    </message>
    <message>
        <source>&amp;Generate Migration…</source>
        <translation>Migration &amp;generieren…</translation>
    </message>
    <message>
        <source>Generate Migration from Schema &amp;File…</source>
        <translation>Migration aus Schema-&amp;Datei generieren…</translation>
    </message>
    <message>
        <source>Compare the database with the project&apos;s SQLAlchemy models or jetbase/schema.sql and review the migration that closes the gap</source>
        <translation>Die Datenbank mit den SQLAlchemy-Modellen des Projekts oder jetbase/schema.sql vergleichen und die Migration prüfen, die den Unterschied schließt</translation>
    </message>
    <message>
        <source>Desired Schema</source>
        <translation>Gewünschtes Schema</translation>
    </message>
    <message>
        <source>SQL files (*.sql)</source>
        <translation>SQL-Dateien (*.sql)</translation>
    </message>
    <message>
        <source>Generate Migration</source>
        <translation>Migration generieren</translation>
    </message>
    <message>
        <source>Run &amp;Panel</source>
        <translation>Ausführungs&amp;bereich</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>&amp;Toolbar</source>
        <translation>&amp;Werkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>&amp;Resolve Partly Applied File…</source>
        <translation>Teilweise angewendete Datei &amp;klären…</translation>
    </message>
    <message>
        <source>Record how a file that ran only in part was repaired</source>
        <translation>Festhalten, wie eine nur teilweise ausgeführte Datei repariert wurde</translation>
    </message>
    <message>
        <source>The database file does not exist yet: %1. Upgrade creates it.</source>
        <translation>Die Datenbankdatei existiert noch nicht: %1. Das Upgrade legt sie an.</translation>
    </message>
    <message>
        <source>Upgrade and rollback refuse to run: repair the database by hand, then use Database ▸ Resolve Partly Applied File.</source>
        <translation>Upgrade und Rollback laufen nicht: Reparieren Sie die Datenbank von Hand und wählen Sie dann Datenbank ▸ Teilweise angewendete Datei klären.</translation>
    </message>
    <message>
        <source>Ignored: %1 because %2</source>
        <translation>Ignoriert: %1, weil %2</translation>
    </message>
    <message>
        <source>Re&amp;hearse</source>
        <translation>&amp;Proben</translation>
    </message>
    <message>
        <source>Upgrade the pending files on a throwaway copy of the database, roll each back and upgrade again, comparing the schema after every step</source>
        <translation>Die ausstehenden Dateien auf einer Wegwerfkopie der Datenbank anwenden, jede zurückrollen und erneut anwenden und dabei nach jedem Schritt das Schema vergleichen</translation>
    </message>
    <message>
        <source>Check &amp;Drift</source>
        <translation>&amp;Drift prüfen</translation>
    </message>
    <message>
        <source>Replay the applied migrations into a throwaway database and compare it with the live one: what was changed by hand</source>
        <translation>Die angewendeten Migrationen in einer Wegwerfdatenbank nachspielen und mit der Live-Datenbank vergleichen: was von Hand geändert wurde</translation>
    </message>
    <message>
        <source>Compare &amp;With…</source>
        <translation>Vergleichen &amp;mit…</translation>
    </message>
    <message>
        <source>Put another database of the same kind beside this one: the migrations each has applied, and the migration that makes this one like it</source>
        <translation>Eine andere Datenbank derselben Art neben diese stellen: die von jeder angewendeten Migrationen und die Migration, die diese der anderen angleicht</translation>
    </message>
    <message>
        <source>Compare With</source>
        <translation>Vergleichen mit</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::MigrationEditor</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the migration file (Ctrl+S)</source>
        <translation>Migrationsdatei speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save an applied migration?</source>
        <translation>Angewendete Migration speichern?</translation>
    </message>
    <message>
        <source>%1 has already been applied. If you save it, its checksum will change and validate will report it.

Save anyway?</source>
        <translation>%1 wurde bereits angewendet. Wenn Sie sie speichern, ändert sich ihre Prüfsumme und Validieren meldet sie.

Trotzdem speichern?</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>No migration selected</source>
        <translation>Keine Migration ausgewählt</translation>
    </message>
    <message>
        <source>%1 (modified)</source>
        <translation>%1 (geändert)</translation>
    </message>
    <message>
        <source>Cannot read: %1</source>
        <translation>Lesen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Applied: saving changes its checksum</source>
        <translation>Angewendet: Speichern ändert ihre Prüfsumme</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Upgrade SQL</source>
        <translation>Upgrade-SQL</translation>
    </message>
    <message>
        <source>Rollback SQL</source>
        <translation>Rollback-SQL</translation>
    </message>
    <message>
        <source>&amp;Upgrade</source>
        <translation>&amp;Upgrade</translation>
    </message>
    <message>
        <source>&amp;Rollback (none in this file: text typed here is saved after a new &quot;-- rollback&quot; line)</source>
        <translation>&amp;Rollback (keiner in dieser Datei: hier eingegebener Text wird nach einer neuen Zeile „-- rollback“ gespeichert)</translation>
    </message>
    <message>
        <source>&amp;Rollback (after the &quot;-- rollback&quot; line, file line %1)</source>
        <translation>&amp;Rollback (nach der Zeile „-- rollback“, Dateizeile %1)</translation>
    </message>
    <message>
        <source>Select a migration in the list to see and edit its SQL.</source>
        <translation>Wählen Sie eine Migration in der Liste, um ihr SQL zu sehen und zu bearbeiten.</translation>
    </message>
    <message>
        <source>&amp;Rollback</source>
        <translation>&amp;Rollback</translation>
    </message>
    <message>
        <source> · runs without a transaction (transaction=off)</source>
        <translation> · läuft ohne Transaktion (transaction=off)</translation>
    </message>
    <message>
        <source>%1 [%2] %3
%4</source>
        <translation>%1 [%2] %3
%4</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::MigrationListWidget</name>
    <message>
        <source>Filter by version, description or file…</source>
        <translation>Nach Version, Beschreibung oder Datei filtern…</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>Filter migrations</source>
        <translation>Migrationen filtern</translation>
    </message>
    <message>
        <source>Show migrations in state</source>
        <translation>Migrationen im Zustand anzeigen</translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::MigrationTableModel</name>
    <message>
        <source>versioned</source>
        <translation>versioniert</translation>
    </message>
    <message>
        <source>runs always</source>
        <translation>läuft immer</translation>
    </message>
    <message>
        <source>runs on change</source>
        <translation>läuft bei Änderung</translation>
    </message>
    <message>
        <source>&lt; 1 ms</source>
        <translation>&lt; 1 ms</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>changed since applied</source>
        <translation>seit der Anwendung geändert</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>Datei fehlt</translation>
    </message>
    <message>
        <source>out of order</source>
        <translation>außer der Reihe</translation>
    </message>
    <message>
        <source>failed in the last run</source>
        <translation>im letzten Lauf fehlgeschlagen</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Applied at</source>
        <translation>Angewendet am</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Applied by</source>
        <translation>Angewendet von</translation>
    </message>
    <message>
        <source>pending: runs on every upgrade</source>
        <translation>ausstehend: läuft bei jedem Upgrade</translation>
    </message>
    <message>
        <source>pending: changed since its last run</source>
        <translation>ausstehend: seit dem letzten Lauf geändert</translation>
    </message>
    <message>
        <source>pending: failed in the last run</source>
        <translation>ausstehend: im letzten Lauf fehlgeschlagen</translation>
    </message>
    <message>
        <source>partly applied: resolve</source>
        <translation>teilweise angewendet: klären</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::NewMigrationDialog</name>
    <message>
        <source>New Migration</source>
        <translation>Neue Migration</translation>
    </message>
    <message>
        <source>e.g. create users table</source>
        <translation>z. B. Tabelle users anlegen</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::Operations</name>
    <message>
        <source>Busy: wait for the current operation to finish.</source>
        <translation>Beschäftigt: Warten Sie, bis der aktuelle Vorgang abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Release the migration lock of %1? Do this only when no run holds it (a run that died left it behind): two runs at once can corrupt the schema.</source>
        <translation>Migrationssperre von %1 freigeben? Tun Sie das nur, wenn kein Lauf sie hält (ein abgebrochener Lauf hat sie zurückgelassen): Zwei gleichzeitige Läufe können das Schema beschädigen.</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Rollback</translation>
    </message>
    <message>
        <source>-- Nothing to run: no pending migrations.</source>
        <translation>-- Nichts auszuführen: keine ausstehenden Migrationen.</translation>
    </message>
    <message>
        <source>Dry Run: the SQL an upgrade would run</source>
        <translation>Probelauf: das SQL, das ein Upgrade ausführen würde</translation>
    </message>
    <message>
        <source>Migrations are up to date.</source>
        <translation>Die Migrationen sind auf dem neuesten Stand.</translation>
    </message>
    <message>
        <source>Nothing to roll back.</source>
        <translation>Nichts für ein Rollback vorhanden.</translation>
    </message>
    <message>
        <source>Cancelled by the user before anything ran.</source>
        <translation>Vom Benutzer abgebrochen, bevor etwas ausgeführt wurde.</translation>
    </message>
    <message numerus="yes">
        <source>Upgrading %n file(s)…</source>
        <translation>
            <numerusform>Upgrade von %n Datei…</numerusform>
            <numerusform>Upgrade von %n Dateien…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rolling back %n file(s)…</source>
        <translation>
            <numerusform>Rollback von %n Datei…</numerusform>
            <numerusform>Rollback von %n Dateien…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Upgrade finished: %n file(s) applied.</source>
        <translation>
            <numerusform>Upgrade abgeschlossen: %n Datei angewendet.</numerusform>
            <numerusform>Upgrade abgeschlossen: %n Dateien angewendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rollback finished: %n file(s) rolled back.</source>
        <translation>
            <numerusform>Rollback abgeschlossen: %n Datei zurückgenommen.</numerusform>
            <numerusform>Rollback abgeschlossen: %n Dateien zurückgenommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %1 was rolled back; %n earlier file(s) stay done.</source>
        <translation>
            <numerusform>Angehalten: Für %1 wurde ein Rollback ausgeführt; %n frühere Datei bleibt angewendet.</numerusform>
            <numerusform>Angehalten: Für %1 wurde ein Rollback ausgeführt; %n frühere Dateien bleiben angewendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed in %1.</source>
        <translation>Fehlgeschlagen in %1.</translation>
    </message>
    <message>
        <source>Upgrade failed</source>
        <translation>Upgrade fehlgeschlagen</translation>
    </message>
    <message>
        <source>Rollback failed</source>
        <translation>Rollback fehlgeschlagen</translation>
    </message>
    <message>
        <source>Tidemark</source>
        <translation>Tidemark</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Validieren</translation>
    </message>
    <message>
        <source>No problems: applied files match the database.</source>
        <translation>Keine Probleme: Die angewendeten Dateien stimmen mit der Datenbank überein.</translation>
    </message>
    <message>
        <source>Problems found:
%1</source>
        <translation>Probleme gefunden:
%1</translation>
    </message>
    <message>
        <source>Fix Checksums</source>
        <translation>Prüfsummen korrigieren</translation>
    </message>
    <message>
        <source>Fix Files</source>
        <translation>Dateien korrigieren</translation>
    </message>
    <message>
        <source>Every applied file matches its stored checksum.</source>
        <translation>Jede angewendete Datei stimmt mit ihrer gespeicherten Prüfsumme überein.</translation>
    </message>
    <message>
        <source>No applied file is missing.</source>
        <translation>Es fehlt keine angewendete Datei.</translation>
    </message>
    <message>
        <source>Store today&apos;s checksums for these applied files? The record of what originally ran is lost; the SQL itself does not run again.</source>
        <translation>Die aktuellen Prüfsummen dieser angewendeten Dateien speichern? Die Aufzeichnung dessen, was ursprünglich ausgeführt wurde, geht verloren; das SQL selbst wird nicht erneut ausgeführt.</translation>
    </message>
    <message>
        <source>Remove the tracking rows of these applied files whose files are gone? Their changes stay in the database.</source>
        <translation>Die Tracking-Einträge dieser angewendeten Dateien entfernen, deren Dateien nicht mehr vorhanden sind? Ihre Änderungen bleiben in der Datenbank erhalten.</translation>
    </message>
    <message>
        <source>Fixed:
%1</source>
        <translation>Korrigiert:
%1</translation>
    </message>
    <message>
        <source>Locked (process %1).</source>
        <translation>Gesperrt (Prozess %1).</translation>
    </message>
    <message>
        <source>Unlocked.</source>
        <translation>Entsperrt.</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Klären</translation>
    </message>
    <message>
        <source>No file is partly applied: the database is clean.</source>
        <translation>Keine Datei ist teilweise angewendet: Die Datenbank ist sauber.</translation>
    </message>
    <message>
        <source>Resolve %1</source>
        <translation>%1 klären</translation>
    </message>
    <message>
        <source>%1

Repair the database by hand first. Then tell Tidemark what is true now:
• Applied: the file&apos;s work is complete (you finished it); it is recorded as a successful run would record it.
• Not applied: you undid what took effect; the file stays pending and the next upgrade runs it from its first statement.</source>
        <translation>%1

Reparieren Sie die Datenbank zuerst von Hand. Sagen Sie Tidemark dann, was jetzt gilt:
• Angewendet: Die Arbeit der Datei ist vollständig (Sie haben sie zu Ende gebracht); sie wird festgehalten, wie ein erfolgreicher Lauf sie festhalten würde.
• Nicht angewendet: Sie haben zurückgenommen, was wirksam wurde; die Datei bleibt ausstehend, und das nächste Upgrade führt sie ab ihrer ersten Anweisung aus.</translation>
    </message>
    <message>
        <source>Record as &amp;Applied</source>
        <translation>Als &amp;angewendet festhalten</translation>
    </message>
    <message>
        <source>Record as &amp;Not Applied</source>
        <translation>Als &amp;nicht angewendet festhalten</translation>
    </message>
    <message>
        <source>Stop requested: cancelling the running statement; the file is rolled back.</source>
        <translation>Stopp angefordert: Die laufende Anweisung wird abgebrochen, die Datei zurückgerollt.</translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %1 is partly applied; %n earlier file(s) stay done.</source>
        <translation>
            <numerusform>Gestoppt: %1 ist teilweise angewendet; %n frühere Datei bleibt ausgeführt.</numerusform>
            <numerusform>Gestoppt: %1 ist teilweise angewendet; %n frühere Dateien bleiben ausgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolved %1: recorded as applied.</source>
        <translation>%1 geklärt: als angewendet festgehalten.</translation>
    </message>
    <message>
        <source>Resolved %1: left pending.</source>
        <translation>%1 geklärt: bleibt ausstehend.</translation>
    </message>
    <message>
        <source>Rehearsing the pending files on a throwaway copy…</source>
        <translation>Die ausstehenden Dateien werden auf einer Wegwerfkopie geprobt…</translation>
    </message>
    <message>
        <source>Checking for drift: replaying the applied migrations into a throwaway database…</source>
        <translation>Drift wird geprüft: Die angewendeten Migrationen werden in einer Wegwerfdatenbank nachgespielt…</translation>
    </message>
    <message>
        <source>Rehearsal could not run.</source>
        <translation>Die Probe konnte nicht laufen.</translation>
    </message>
    <message>
        <source>Rehearse</source>
        <translation>Proben</translation>
    </message>
    <message>
        <source>Rehearsal stopped.</source>
        <translation>Probe angehalten.</translation>
    </message>
    <message numerus="yes">
        <source>Rehearsal passed: %n file(s).</source>
        <translation>
            <numerusform>Probe bestanden: %n Datei.</numerusform>
            <numerusform>Probe bestanden: %n Dateien.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rehearsal failed.</source>
        <translation>Probe fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Check Drift</source>
        <translation>Drift prüfen</translation>
    </message>
    <message numerus="yes">
        <source>Drift: %n change(s) made by hand.</source>
        <translation>
            <numerusform>Drift: %n Änderung von Hand.</numerusform>
            <numerusform>Drift: %n Änderungen von Hand.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No drift: the schema is what the %n applied migration file(s) make.</source>
        <translation>
            <numerusform>Keine Drift: Das Schema ist das, was die %n angewendete Migrationsdatei ergibt.</numerusform>
            <numerusform>Keine Drift: Das Schema ist das, was die %n angewendeten Migrationsdateien ergeben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::PaneNavigation</name>
    <message>
        <source>Go to &amp;Filter</source>
        <translation>Zum &amp;Filter</translation>
    </message>
    <message>
        <source>&amp;Next Pane</source>
        <translation>&amp;Nächster Bereich</translation>
    </message>
    <message>
        <source>Pre&amp;vious Pane</source>
        <translation>&amp;Vorheriger Bereich</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ProfileKeychain</name>
    <message>
        <source>No system keychain is available (%1). Start a Secret Service such as GNOME Keyring or KWallet, or connect without saving the password.</source>
        <translation>Kein Schlüsselbund des Systems verfügbar (%1). Starten Sie einen Secret Service wie GNOME Keyring oder KWallet, oder verbinden Sie sich, ohne das Passwort zu speichern.</translation>
    </message>
    <message>
        <source>The system keychain refused access (%1). Unlock it and try again.</source>
        <translation>Der Schlüsselbund des Systems verweigert den Zugriff (%1). Entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The system keychain (the Secret Service: GNOME Keyring or KWallet) could not be used: %1. Check that it is running and unlocked.</source>
        <translation>Der Schlüsselbund des Systems (der Secret Service: GNOME Keyring oder KWallet) konnte nicht benutzt werden: %1. Prüfen Sie, ob er läuft und entsperrt ist.</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::RehearsalDialog</name>
    <message>
        <source>upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>rollback</source>
        <translation>Rollback</translation>
    </message>
    <message>
        <source>upgrade again</source>
        <translation>erneutes Upgrade</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>FAILED in %1</source>
        <translation>FEHLGESCHLAGEN in %1</translation>
    </message>
    <message>
        <source>FAILED: schema differs after %1</source>
        <translation>FEHLGESCHLAGEN: Schema weicht nach %1 ab</translation>
    </message>
    <message>
        <source>FAILED: no rollback section</source>
        <translation>FEHLGESCHLAGEN: kein Rollback-Abschnitt</translation>
    </message>
    <message>
        <source>not rehearsed</source>
        <translation>nicht geprobt</translation>
    </message>
    <message>
        <source>upgrade, rollback to the schema before it, upgrade again to the same schema</source>
        <translation>Upgrade, Rollback auf das Schema davor, erneutes Upgrade auf dasselbe Schema</translation>
    </message>
    <message>
        <source>upgraded (a repeatable file has no rollback)</source>
        <translation>angewendet (eine wiederholbare Datei hat kein Rollback)</translation>
    </message>
    <message>
        <source>Not the schema from before the file. As changes from it to the one found:</source>
        <translation>Nicht das Schema von vor der Datei. Als Änderungen von ihm zum gefundenen:</translation>
    </message>
    <message>
        <source>Not the schema its first upgrade left. As changes from it to the one found:</source>
        <translation>Nicht das Schema, das ihr erstes Upgrade hinterließ. Als Änderungen von ihm zum gefundenen:</translation>
    </message>
    <message>
        <source>Add a -- rollback section that undoes the upgrade.</source>
        <translation>Fügen Sie einen Abschnitt -- rollback hinzu, der das Upgrade rückgängig macht.</translation>
    </message>
    <message>
        <source>An earlier step failed.</source>
        <translation>Ein früherer Schritt ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Rehearsal passed</source>
        <translation>Probe bestanden</translation>
    </message>
    <message>
        <source>Rehearsal failed</source>
        <translation>Probe fehlgeschlagen</translation>
    </message>
    <message>
        <source>Stopped by the user.</source>
        <translation>Vom Benutzer angehalten.</translation>
    </message>
    <message>
        <source>Every pending file passed: upgraded, rolled back to the schema before it and upgraded again to the same schema.</source>
        <translation>Jede ausstehende Datei hat bestanden: angewendet, auf das Schema davor zurückgerollt und erneut auf dasselbe Schema angewendet.</translation>
    </message>
    <message>
        <source>The rehearsal found a problem; the database itself was only read.</source>
        <translation>Die Probe hat ein Problem gefunden; die Datenbank selbst wurde nur gelesen.</translation>
    </message>
    <message>
        <source>Rehearsed on %1.</source>
        <translation>Geprobt auf %1.</translation>
    </message>
    <message>
        <source>Rehearsal results</source>
        <translation>Ergebnisse der Probe</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ReviewDialog</name>
    <message>
        <source>&amp;Save as Migration</source>
        <translation>Als Migration &amp;speichern</translation>
    </message>
    <message>
        <source>Review Generated Migration</source>
        <translation>Generierte Migration prüfen</translation>
    </message>
    <message>
        <source>&amp;Upgrade SQL</source>
        <translation>&amp;Upgrade-SQL</translation>
    </message>
    <message>
        <source>&amp;Rollback SQL</source>
        <translation>&amp;Rollback-SQL</translation>
    </message>
    <message>
        <source>Schema &amp;Before and After</source>
        <translation>Schema &amp;vorher und nachher</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Comparing the schemas…</source>
        <translation>Schemas werden verglichen…</translation>
    </message>
    <message>
        <source>Generating the SQL…</source>
        <translation>SQL wird generiert…</translation>
    </message>
    <message>
        <source>Cannot generate the migration: %1</source>
        <translation>Die Migration kann nicht generiert werden: %1</translation>
    </message>
    <message>
        <source>Desired schema: %1</source>
        <translation>Gewünschtes Schema: %1</translation>
    </message>
    <message>
        <source>The database already matches the desired schema.</source>
        <translation>Die Datenbank entspricht bereits dem gewünschten Schema.</translation>
    </message>
    <message>
        <source>Every change is unticked: nothing to save.</source>
        <translation>Keine Änderung angehakt: nichts zu speichern.</translation>
    </message>
    <message>
        <source>%1 of %2 changes ticked; the file will be %3</source>
        <translation>%1 von %2 Änderungen angehakt; die Datei wird %3</translation>
    </message>
    <message>
        <source>Cannot save the migration: %1</source>
        <translation>Die Migration kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Upgrade SQL</source>
        <translation>Upgrade-SQL</translation>
    </message>
    <message>
        <source>Rollback SQL</source>
        <translation>Rollback-SQL</translation>
    </message>
    <message>
        <source>&amp;Changes to include:</source>
        <translation>&amp;Einzuschließende Änderungen:</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::RunPanel</name>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>%v of %m files</source>
        <translation>%v von %m Dateien</translation>
    </message>
    <message>
        <source>File %1 of %2: %3</source>
        <translation>Datei %1 von %2: %3</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>%1 gestartet</translation>
    </message>
    <message>
        <source>Statement %1 of %2 (line %3): %4</source>
        <translation>Anweisung %1 von %2 (Zeile %3): %4</translation>
    </message>
    <message>
        <source>Finished %1 in %2 ms</source>
        <translation>%1 in %2 ms abgeschlossen</translation>
    </message>
    <message>
        <source>Failed %1 after %2 ms</source>
        <translation>%1 nach %2 ms fehlgeschlagen</translation>
    </message>
    <message>
        <source>Stopped %1 after %2 ms; its changes were rolled back</source>
        <translation>%1 nach %2 ms angehalten; für ihre Änderungen wurde ein Rollback ausgeführt</translation>
    </message>
    <message>
        <source>No run yet: Upgrade (Ctrl+U) or Roll Back (Ctrl+R) starts one.</source>
        <translation>Noch kein Lauf: Upgrade (Strg+U) oder Rollback (Strg+R) startet einen.</translation>
    </message>
    <message>
        <source>Run log</source>
        <translation>Ausführungsprotokoll</translation>
    </message>
    <message>
        <source>Run progress</source>
        <translation>Ausführungsfortschritt</translation>
    </message>
    <message>
        <source>Cancel the running statement on the server; the current file is rolled back</source>
        <translation>Die laufende Anweisung auf dem Server abbrechen; die aktuelle Datei wird zurückgerollt</translation>
    </message>
    <message>
        <source>Started %1 without a transaction (transaction=off): statement by statement</source>
        <translation>%1 ohne Transaktion gestartet (transaction=off): Anweisung für Anweisung</translation>
    </message>
    <message numerus="yes">
        <source>%1 is partly applied: %n statement(s) took effect and stay.</source>
        <translation>
            <numerusform>%1 ist teilweise angewendet: %n Anweisung wurde wirksam und bleibt.</numerusform>
            <numerusform>%1 ist teilweise angewendet: %n Anweisungen wurden wirksam und bleiben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped %1 after %2 ms; %n statement(s) had already taken effect and stay: it is partly applied.</source>
        <translation>
            <numerusform>%1 nach %2 ms gestoppt; %n Anweisung war schon wirksam und bleibt: Die Datei ist teilweise angewendet.</numerusform>
            <numerusform>%1 nach %2 ms gestoppt; %n Anweisungen waren schon wirksam und bleiben: Die Datei ist teilweise angewendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::SchemaDiffView</name>
    <message>
        <source>Schema now</source>
        <translation>Aktuelles Schema</translation>
    </message>
    <message>
        <source>Schema after the ticked changes</source>
        <translation>Schema nach den angehakten Änderungen</translation>
    </message>
    <message>
        <source>No difference</source>
        <translation>Kein Unterschied</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) differ: red removed, green added, orange changed</source>
        <translation>
            <numerusform>%n Zeile unterscheidet sich: rot entfernt, grün hinzugefügt, orange geändert</numerusform>
            <numerusform>%n Zeilen unterscheiden sich: rot entfernt, grün hinzugefügt, orange geändert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ServiceWorker</name>
    <message>
        <source>Still in effect (line %1): %2</source>
        <translation>Noch wirksam (Zeile %1): %2</translation>
    </message>
    <message>
        <source>%1 (stored %2, file %3)</source>
        <translation>%1 (gespeichert %2, Datei %3)</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::StatusBarWidget</name>
    <message>
        <source>Checking the pending files against the database…</source>
        <translation>Die ausstehenden Dateien werden mit der Datenbank geprüft…</translation>
    </message>
    <message>
        <source>Current version: %1</source>
        <translation>Aktuelle Version: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n ausstehend</numerusform>
            <numerusform>%n ausstehend</numerusform>
        </translation>
    </message>
    <message>
        <source>Lock: unknown</source>
        <translation>Sperre: unbekannt</translation>
    </message>
    <message>
        <source>Locked since %1</source>
        <translation>Gesperrt seit %1</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Entsperrt</translation>
    </message>
    <message>
        <source>Held by %1@%2 (%3)</source>
        <translation>Gehalten von %1@%2 (%3)</translation>
    </message>
    <message>
        <source>Locked since %1 by a process that is gone; the next run releases it</source>
        <translation>Gesperrt seit %1 von einem Prozess, der nicht mehr läuft; der nächste Lauf gibt die Sperre frei</translation>
    </message>
</context>
</TS>
