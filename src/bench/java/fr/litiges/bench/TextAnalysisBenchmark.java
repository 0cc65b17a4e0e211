package fr.litiges.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to analyse a customer's text with Lucene and match the shipped concepts and patterns, on
 * one thread: a 2,000-character e-mail (greeting, body, signature, quoted earlier message) and a
 * CRM one-liner. Run: {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Djmh.args=TextAnalysis}
 * (the e-mail is about 2,000 characters).
 *
 * <p>Side by side with an earlier build of the text package, in the same run:
 * {@code -p build=current,before -jvmArgsAppend -Dtext.before=DIR}, where DIR holds that build's
 * compiled {@code fr/litiges/text} classes (e.g. copied from {@code target/classes} before a change).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class TextAnalysisBenchmark {

    static final String EMAIL = """
            Bonjour à toute l'équipe,

            J'espère que vous allez bien. Je me permets de vous écrire concernant notre commande du 4 février, \
            référence CDE-7781, que nous avons réceptionnée hier après-midi dans notre entrepôt de Vénissieux. \
            Nos magasiniers ont procédé au contrôle habituel à réception et ont constaté qu'il manque quatre palettes \
            sur les douze prévues au bon de livraison. Les huit palettes reçues sont en bon état et correspondent bien \
            à ce que nous avions commandé, aucune remarque de ce côté. En revanche nous ne pouvons pas régler la totalité \
            de la facture tant que le solde n'est pas livré, et le tarif appliqué sur la ligne 3 ne correspond pas à \
            notre devis signé en janvier. Pourriez-vous nous indiquer une date pour l'envoi des palettes manquantes \
            et nous adresser une facture rectificative ? Nous vous remercions également de bien vouloir vérifier \
            la livrasion du mois dernier, pour laquelle une factrue semble être arrivée deux fois.

            Pour mémoire, nos conditions générales d'achat prévoient que toute livraison partielle doit être signalée \
            par le transporteur avant le départ du camion, ce qui n'a pas été le cas cette fois-ci. Notre service \
            comptabilité fournisseurs bloque donc le règlement jusqu'à réception du complément et de l'avoir \
            correspondant. Je reste naturellement disponible par téléphone si vous souhaitez en discuter de vive voix, \
            et je transmets copie de ce message à notre acheteur, Mme Caroline Perret, qui suit le dossier avec moi.

            En vous remerciant par avance,
            Bien cordialement,

            Patrick Lemoine
            Responsable logistique
            Lemoine Distribution SAS
            12 avenue de l'Industrie, 69200 Vénissieux

            Le 12 mars 2026 à 10:14, Service Client a écrit :
            > Bonjour, nous vous confirmons l'expédition de votre commande CDE-7781 ce jour.
            > Le transporteur vous contactera pour convenir d'un rendez-vous de livraison.
            > Cordialement, le service client
            """;

    static final String ONE_LINER = "Cli signale un doublon de facture sur la livraison du 12/03. Demande annulation. cdt";

    @State(Scope.Benchmark)
    public static class Tables {
        /** "current": this build; "before": the text classes in the directory named by -Dtext.before. */
        @Param({"current"})
        public String build;
        MethodHandle match;
        /** What a decision does with the words: analyse once, then the patterns and the second reader on the same analysis. */
        MethodHandle analyse;
        MethodHandle patternsIn;
        MethodHandle opinionOf;

        @Setup(Level.Trial)
        public void read() throws Throwable {
            byte[] workbook = Files.readAllBytes(Path.of("decision-tables/causes.xlsx"));
            ClassLoader loader = build.equals("current") ? TextAnalysisBenchmark.class.getClassLoader()
                    : new EarlierBuild(Path.of(System.getProperty("text.before")).toUri().toURL(), TextAnalysisBenchmark.class.getClassLoader());
            // By reflection for both builds alike, so that neither pays a call the other does not.
            Class<?> tables = loader.loadClass("fr.litiges.text.TextTables");
            Object reading = tables.getMethod("read", String.class, byte[].class).invoke(null, "decision-tables/causes.xlsx", workbook);
            if (!((List<?>) reading.getClass().getMethod("problems").invoke(reading)).isEmpty()) {
                throw new IllegalStateException(String.valueOf(reading));
            }
            Object rules = reading.getClass().getMethod("rules").invoke(reading);
            Class<?> rulesClass = rules.getClass();
            Class<?> analysed = loader.loadClass("fr.litiges.text.TextRules$Analysed");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            match = lookup.findVirtual(rulesClass, "match", MethodType.methodType(List.class, String.class)).bindTo(rules);
            analyse = lookup.findVirtual(rulesClass, "analyse", MethodType.methodType(analysed, String.class)).bindTo(rules);
            patternsIn = lookup.findVirtual(rulesClass, "patternsIn", MethodType.methodType(List.class, analysed)).bindTo(rules);
            Class<?> readerTables = loader.loadClass("fr.litiges.text.SecondReaderTables");
            Object readerReading = readerTables.getMethod("read", String.class, byte[].class, rulesClass)
                    .invoke(null, "decision-tables/causes.xlsx", workbook, rules);
            Object reader = readerReading.getClass().getMethod("reader").invoke(readerReading);
            Class<?> opinion = loader.loadClass("fr.litiges.text.SecondReader$Opinion");
            opinionOf = lookup.findVirtual(reader.getClass(), "opinionOf", MethodType.methodType(opinion, analysed)).bindTo(reader);
        }

        /** The words analysed once, the patterns found in them and the second reader's opinion, as a decision asks. */
        Object patternsAndReader(String text) throws Throwable {
            Object words = analyse.invoke(text);
            Object patterns = patternsIn.invoke(words);
            Object opinion = opinionOf.invoke(words);
            return opinion == null ? patterns : opinion;
        }
    }

    /** Loads the text package from an earlier build's classes, everything else (Lucene, POI) from this one. */
    static final class EarlierBuild extends URLClassLoader {
        EarlierBuild(URL classes, ClassLoader parent) {
            super(new URL[] {classes}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("fr.litiges.text.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }

    @Benchmark
    public List<?> email2000Characters(Tables tables) throws Throwable {
        return (List<?>) tables.match.invoke(EMAIL);
    }

    /**
     * The same e-mail where the buyer's name is a word the ruleset has never read (a new one on
     * every call): the whole analysis chain and the typo look-up run for that word, as they do for
     * the names, places and references of real e-mails. Includes making the text (under 1 µs).
     */
    @Benchmark
    public List<?> email2000CharactersOneNewWord(Tables tables, NewWords words) throws Throwable {
        return (List<?>) tables.match.invoke(EMAIL_BEFORE_NAME + words.next() + EMAIL_AFTER_NAME);
    }

    static final String EMAIL_BEFORE_NAME = EMAIL.substring(0, EMAIL.indexOf("Perret"));
    static final String EMAIL_AFTER_NAME = EMAIL.substring(EMAIL.indexOf("Perret") + "Perret".length());

    /** Made-up names of 8 letters, all different, in an order that looks random. */
    @State(Scope.Thread)
    public static class NewWords {
        private long counter;

        String next() {
            long n = (counter++ * 2_654_435_761L + 12_345) % 8_031_810_176L; // 26^7: a different word each time
            char[] word = new char[8];
            word[0] = 'P';
            for (int i = 1; i < 8; i++) {
                word[i] = (char) ('a' + n % 26);
                n /= 26;
            }
            return new String(word);
        }
    }

    /** The e-mail as a decision reads it: analysed once, then the patterns and the second reader (issue #16's target covers both). */
    @Benchmark
    public Object email2000CharactersPatternsAndReader(Tables tables) throws Throwable {
        return tables.patternsAndReader(EMAIL);
    }

    @Benchmark
    public List<?> crmOneLiner(Tables tables) throws Throwable {
        return (List<?>) tables.match.invoke(ONE_LINER);
    }
}
