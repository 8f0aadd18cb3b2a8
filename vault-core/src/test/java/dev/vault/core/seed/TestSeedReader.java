package dev.vault.core.seed;

import com.google.common.collect.ImmutableList;
import dev.vault.core.ErrorCode;
import dev.vault.core.TestingProjects;
import dev.vault.core.dialect.TestingDialect;
import dev.vault.core.dialect.TestingJdbcDriver;
import dev.vault.core.load.Problem;
import dev.vault.core.load.Problems;
import dev.vault.core.load.ProjectLoader;
import dev.vault.core.model.Location;
import dev.vault.core.model.Project;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class TestSeedReader
{
    private static final String HEADER = "person_key,full_name,company_id,age,_loaded_at\n";
    private static final String LOADED_AT = "2026-11-01 03:00:00 UTC";
    private static final Path PEOPLE_CSV = Path.of("seeds/people.csv");

    private static Project example;

    @TempDir
    Path directory;

    @BeforeAll
    static void loadExample()
    {
        example = ProjectLoader.load(Path.of(".."), TestingDialect.INSTANCE, TestingJdbcDriver.INSTANCE);
    }

    @Test
    void exampleSeedsOfOneBatch()
    {
        List<Seed> seeds = SeedReader.read(example, List.of(Path.of("examples/leads/batch_1")));

        assertThat(seeds).extracting(seed -> seed.source().name(), seed -> seed.rows().size()).containsExactly(
                tuple("crm_activecampaign_contacts", 40),
                tuple("facebook_ads_leads", 35),
                tuple("google_ads_leads", 25));
        assertThat(seeds.getFirst().files()).containsExactly(Path.of("examples/leads/batch_1/crm_activecampaign_contacts.csv"));
        assertThat(seeds).allSatisfy(seed -> assertThat(seed.rows()).allSatisfy(row -> assertThat(row.values()).hasSize(9)));
    }

    @Test
    void exampleSeedsOfBothBatches()
    {
        List<Seed> seeds = SeedReader.read(example, example.config().seedPaths());

        assertThat(seeds).extracting(seed -> seed.source().name(), seed -> seed.rows().size()).containsExactly(
                tuple("crm_activecampaign_contacts", 55),
                tuple("facebook_ads_leads", 50),
                tuple("google_ads_leads", 35));
        assertThat(seeds.get(1).files()).containsExactly(
                Path.of("examples/leads/batch_1/facebook_ads_leads.csv"),
                Path.of("examples/leads/batch_2/facebook_ads_leads.csv"));
        assertThat(seeds.get(1).rows().get(35).location()).isEqualTo(new Location(Path.of("examples/leads/batch_2/facebook_ads_leads.csv"), 2, 1));
    }

    @Test
    void exampleValues()
    {
        List<Seed> seeds = SeedReader.read(example, List.of(Path.of("examples/leads/batch_1")));
        Seed crm = seeds.get(0);
        Seed facebook = seeds.get(1);
        Seed google = seeds.get(2);

        // contact_id, first_name, last_name, email, phone, producer_id, created_at, updated_at, _loaded_at
        Seed.Row geraldo = crm.rows().get(2);
        assertThat(geraldo.location()).isEqualTo(new Location(Path.of("examples/leads/batch_1/crm_activecampaign_contacts.csv"), 4, 1));
        assertThat(geraldo.values()).containsExactly(
                Optional.of("ac-169006"), Optional.of("Geraldo"), Optional.of("Magalhães"), Optional.empty(), Optional.of("(21) 3456-7890"),
                Optional.of("PRD-0004"), Optional.of("2026-10-14 21:23:09 UTC"), Optional.of("2026-10-14 21:23:09 UTC"), Optional.of("2026-11-01 03:00:00 UTC"));

        // leadgen_id, full_name, email, phone_number, producer_id, campaign_name, ad_id, created_time, _loaded_at
        Seed.Row maria = facebook.rows().get(1);
        assertThat(maria.location().line()).isEqualTo(3);
        assertThat(maria.values().get(2)).contains(" Maria.Souza@Gmail.com ");
        assertThat(facebook.rows().get(2).values().get(1)).contains("Rafael D'Ávila");
        assertThat(facebook.rows().get(2).values().get(5)).contains("Inglês do Zero, Turma Novembro - Nov/26");
        Seed.Row marcelo = facebook.rows().get(26);
        assertThat(marcelo.location().line()).isEqualTo(28);
        assertThat(marcelo.values().get(1)).contains("Souza, Marcelo");
        assertThat(marcelo.values().get(2)).contains("marcelo.souza.mkt@gmail.com");

        Seed.Row chico = google.rows().get(15);
        assertThat(chico.location().line()).isEqualTo(17);
        assertThat(chico.values().get(1)).contains("Francisco \"Chico\" Alves");
        assertThat(chico.values().get(2)).contains("chico.alves@uol.com.br");
    }

    @Test
    void quotedFieldsEmptyFieldsAndHeaderOrder()
    {
        Project project = TestingProjects.project(directory)
                .file("seeds/people.csv", """
                        age,_loaded_at,full_name,person_key,company_id
                        42,2026-11-01 03:00:00 UTC,"Doe, Jane",p1,c1
                        ,2026-11-01 03:00:00.123456 America/Sao_Paulo,"Said ""hi""\",p2,

                        7,2026-11-01 03:00 +03:00,"",p3,c3
                        """)
                .load();

        Seed seed = SeedReader.read(project, project.config().seedPaths()).getFirst();
        assertThat(seed.source().name()).isEqualTo("people");
        assertThat(seed.files()).containsExactly(PEOPLE_CSV);
        // values are in the order of the source's columns: person_key, full_name, company_id, age, _loaded_at
        assertThat(seed.rows()).containsExactly(
                new Seed.Row(new Location(PEOPLE_CSV, 2, 1), row("p1", "Doe, Jane", "c1", "42", LOADED_AT)),
                new Seed.Row(new Location(PEOPLE_CSV, 3, 1), row("p2", "Said \"hi\"", null, null, "2026-11-01 03:00:00.123456 America/Sao_Paulo")),
                new Seed.Row(new Location(PEOPLE_CSV, 5, 1), row("p3", null, "c3", "7", "2026-11-01 03:00 +03:00")));
    }

    @Test
    void multiLineFieldKeepsLineNumbersOfLaterRows()
    {
        List<Problem> problems = problems(TestingProjects.project(directory).file("seeds/people.csv", HEADER
                + "p1,\"line one\nline two\",c1,1," + LOADED_AT + "\n"
                + "p2,x,c1,4x," + LOADED_AT + "\n"));
        assertThat(problems).extracting(Problem::toString)
                .containsExactly("seeds/people.csv:4:1: value '4x' of column 'age' is not a valid integer");
    }

    @Test
    void headerColumnNotInSource()
    {
        assertThat(problems(TestingProjects.project(directory).file("seeds/people.csv", "person_key,fullname,company_id,age,_loaded_at\np1,x,c1,1," + LOADED_AT + "\n")))
                .containsExactly(
                        new Problem(new Location(PEOPLE_CSV, 1, 1), "column 'fullname' of the header is not a column of source 'people'; did you mean 'full_name'?"),
                        new Problem(new Location(PEOPLE_CSV, 1, 1), "the header has no column 'full_name' of source 'people'; add it (an empty field means NULL)"));
    }

    @Test
    void missingColumn()
    {
        assertThat(problems(TestingProjects.project(directory).file("seeds/people.csv", "person_key,full_name,company_id,_loaded_at\np1,x,c1," + LOADED_AT + "\n")))
                .extracting(Problem::toString)
                .containsExactly("seeds/people.csv:1:1: the header has no column 'age' of source 'people'; add it (an empty field means NULL)");
    }

    @Test
    void columnTwiceInHeader()
    {
        assertThat(problems(TestingProjects.project(directory).file("seeds/people.csv", "person_key,full_name,company_id,age,_loaded_at,age\n")))
                .extracting(Problem::toString)
                .containsExactly("seeds/people.csv:1:1: column 'age' appears twice in the header");
    }

    @Test
    void rowWithWrongNumberOfFields()
    {
        assertThat(problems(TestingProjects.project(directory).file("seeds/people.csv", HEADER
                + "p1,x,c1,1," + LOADED_AT + "\n"
                + "p2,x,c1," + LOADED_AT + "\n"
                + "p3,x,c1,1," + LOADED_AT + ",extra\n")))
                .extracting(Problem::toString)
                .containsExactly(
                        "seeds/people.csv:3:1: the row has 4 fields but the header has 5",
                        "seeds/people.csv:4:1: the row has 6 fields but the header has 5");
    }

    @Test
    void badValues()
    {
        assertThat(problems(TestingProjects.project(directory).file("seeds/people.csv", HEADER
                + "p1,x,c1,1," + LOADED_AT + "\n"
                + "p2,x,c1,1,yesterday\n"
                + "p3,x,c1,1,2026-11-01T03:00:00Z\n"
                + "p4,x,c1,1.5," + LOADED_AT + "\n")))
                .containsExactly(
                        new Problem(new Location(PEOPLE_CSV, 3, 1), "value 'yesterday' of column '_loaded_at' is not a valid timestamp(6) with time zone (write e.g. 2026-11-01 03:00:00 UTC)"),
                        new Problem(new Location(PEOPLE_CSV, 4, 1), "value '2026-11-01T03:00:00Z' of column '_loaded_at' is not a valid timestamp(6) with time zone (write e.g. 2026-11-01 03:00:00 UTC)"),
                        new Problem(new Location(PEOPLE_CSV, 5, 1), "value '1.5' of column 'age' is not a valid integer"));
    }

    @Test
    void fileNamedAfterNoSource()
    {
        assertThat(problems(TestingProjects.project(directory).file("seeds/peple.csv", HEADER)))
                .containsExactly(new Problem(Location.of(Path.of("seeds/peple.csv")), "seed file 'peple.csv' is named after no source; name it <source name>.csv; did you mean 'people'?"));
        assertThat(problems(TestingProjects.project(directory.resolve("other")).file("seeds/nested/hub_person.csv", HEADER)))
                .extracting(Problem::toString)
                .containsExactly("seeds/nested/hub_person.csv: seed file 'hub_person.csv' is named after no source; name it <source name>.csv; expected one of: people");
    }

    @Test
    void emptyFile()
    {
        assertThat(problems(TestingProjects.project(directory).file("seeds/people.csv", "")))
                .extracting(Problem::toString)
                .containsExactly("seeds/people.csv: the seed file is empty; it needs a header row naming the columns of source 'people'");
    }

    @Test
    void seedPathThatIsNotAFolder()
    {
        Project project = TestingProjects.project(directory).load();
        Problems.InvalidProjectException exception = catchThrowableOfType(Problems.InvalidProjectException.class,
                () -> SeedReader.read(project, List.of(Path.of("nope"))));
        assertThat(exception.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT);
        assertThat(exception.problems()).extracting(Problem::toString).containsExactly("vault.yml: seed path 'nope' is not a folder");
    }

    @Test
    void filesOfSeveralSeedPaths()
    {
        Project project = TestingProjects.project(directory)
                .file("vault.yml", "name: test_vault\nseed-paths: [seeds/b, seeds/a]\n")
                .file("seeds/a/people.csv", HEADER + "p1,x,c1,1," + LOADED_AT + "\n")
                .file("seeds/b/people.csv", HEADER + "p2,y,c2,2," + LOADED_AT + "\np3,z,c3,3," + LOADED_AT + "\n")
                .load();
        Seed seed = SeedReader.read(project, project.config().seedPaths()).getFirst();
        assertThat(seed.files()).containsExactly(Path.of("seeds/b/people.csv"), Path.of("seeds/a/people.csv"));
        assertThat(seed.rows()).extracting(row -> row.values().getFirst().orElseThrow()).containsExactly("p2", "p3", "p1");
    }

    @Test
    void noSeedFiles()
    {
        Project project = TestingProjects.project(directory).file("seeds/README.md", "none yet").load();
        assertThat(SeedReader.read(project, project.config().seedPaths())).isEmpty();
    }

    @Test
    void problemsOfSeveralFilesAreReportedTogether()
    {
        assertThat(problems(TestingProjects.project(directory)
                .file("seeds/people.csv", HEADER + "p1,x,c1,1,yesterday\n")
                .file("seeds/peple.csv", HEADER)))
                .extracting(Problem::toString)
                .containsExactlyInAnyOrder(
                        "seeds/peple.csv: seed file 'peple.csv' is named after no source; name it <source name>.csv; did you mean 'people'?",
                        "seeds/people.csv:2:1: value 'yesterday' of column '_loaded_at' is not a valid timestamp(6) with time zone (write e.g. 2026-11-01 03:00:00 UTC)");
    }

    private static List<Problem> problems(TestingProjects testing)
    {
        Project project = testing.load();
        Problems.InvalidProjectException exception = catchThrowableOfType(Problems.InvalidProjectException.class,
                () -> SeedReader.read(project, project.config().seedPaths()));
        assertThat(exception).as("seeding should fail").isNotNull();
        assertThat(exception.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT);
        return exception.problems();
    }

    private static ImmutableList<Optional<String>> row(String... values)
    {
        return Arrays.stream(values).map(Optional::ofNullable).collect(toImmutableList());
    }
}
