package org.zhengpaopao;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.zhengpaopao.catalog.CatalogChange;
import org.zhengpaopao.catalog.CatalogReview;
import org.zhengpaopao.system.CountyTime;

/**
 * A stand-in for the catalog's review ({@link CatalogReview}) while the application has none: it records each
 * proposal and answers a number, and publishes nothing. It registers itself only when no real review is there, so
 * once the review process is in the application this class does nothing and can be deleted, together with the
 * tests' use of {@link RecordingCatalogReview} (the catalog workbook's tests, docs/catalog-workbook.md).
 */
@TestConfiguration(proxyBeanMethods = false)
public class CatalogReviewStandIn {

	public static final String BEAN = "recordingCatalogReview";

	@Bean
	static BeanDefinitionRegistryPostProcessor catalogReviewStandInRegistrar() {
		return new BeanDefinitionRegistryPostProcessor() {

			@Override
			public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
				if (registry instanceof ListableBeanFactory beans
						&& beans.getBeanNamesForType(CatalogReview.class, true, false).length == 0) {
					registry.registerBeanDefinition(BEAN, new RootBeanDefinition(RecordingCatalogReview.class));
				}
			}

			@Override
			public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
			}
		};
	}

	/** One proposal as the review received it. */
	public record Proposal(String number, List<CatalogChange> changes, String reason, String proposer) {
	}

	/** Records proposals; numbers them as the review does (TZ + date + sequence). */
	public static class RecordingCatalogReview implements CatalogReview {

		private final List<Proposal> proposals = new CopyOnWriteArrayList<>();
		private final AtomicInteger sequence = new AtomicInteger();

		@Override
		public String propose(List<CatalogChange> changes, String reason, String proposer) {
			String number = "TZ" + LocalDate.now(CountyTime.ZONE).format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
					+ String.format("%06d", sequence.incrementAndGet());
			proposals.add(new Proposal(number, List.copyOf(changes), reason, proposer));
			return number;
		}

		public List<Proposal> proposals() {
			return List.copyOf(proposals);
		}

		public Proposal last() {
			return proposals.get(proposals.size() - 1);
		}
	}
}
