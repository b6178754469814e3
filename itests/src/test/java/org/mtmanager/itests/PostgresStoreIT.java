package org.mtmanager.itests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * {@link StoreIT} on PostgreSQL: the distribution pointed at a fresh database by its datasource config alone
 * (pgjdbc's DataSourceFactory, Liquibase in OSGi, OpenJPA's PostgreSQL dictionary).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresStoreIT extends StoreIT {

    @Override
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = new ArrayList<>(Arrays.asList(super.config()));
        options.addAll(Arrays.asList(PostgresDataSource.fresh("mtmit_store")));
        return options.toArray(new Option[0]);
    }

    @Override
    protected String expectedDatabase() {
        return "PostgreSQL";
    }
}
