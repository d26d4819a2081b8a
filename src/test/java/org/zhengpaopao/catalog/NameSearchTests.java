package org.zhengpaopao.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.zhengpaopao.catalog.NameSearch.Match;
import org.zhengpaopao.system.InvalidInputException;

/** Finding a matter or certificate as a window clerk types it: Chinese, full pinyin or initials. No Spring. */
class NameSearchTests {

	static final List<String> MATTERS = List.of("最低生活保障申请", "最低生活保障边缘家庭认定", "特困人员救助供养申请",
			"临时救助申请", "重度残疾人托养服务补助申领", "旅馆业特种行业许可", "社会团体成立登记");

	final NameSearch search = new NameSearch();

	List<String> find(String query) {
		return search.find(MATTERS, Function.identity(), query);
	}

	@Test
	void shouldFindAMatterByThePinyinInitialsOfItsBeginning() {
		assertThat(find("zdsh")).containsExactly("最低生活保障申请", "最低生活保障边缘家庭认定");
		assertThat(find("zdshbzsq")).containsExactly("最低生活保障申请");
		assertThat(search.match("最低生活保障申请", "zdsh")).isEqualTo(Match.PINYIN_PREFIX);
	}

	@Test
	void shouldFindByFullPinyinWhateverTheCaseSpacesOrWidth() {
		for (String typed : List.of("zuidi", "zui di", "ZuiDi", "ｚｕｉｄｉ", "zuidishenghuobaozhangshenqing")) {
			assertThat(find(typed)).as(typed).startsWith("最低生活保障申请");
		}
		assertThat(find("linshijiuzhu")).containsExactly("临时救助申请");
	}

	@Test
	void shouldTakeFullPinyinInitialsAndCharactersMixed() {
		assertThat(find("zuidshhbz")).containsExactly("最低生活保障申请", "最低生活保障边缘家庭认定");
		assertThat(find("最低sh")).containsExactly("最低生活保障申请", "最低生活保障边缘家庭认定");
	}

	@Test
	void shouldMatchAPolyphoneByAnyOfItsReadings() {
		// 行 in 行业 is hang, but a clerk may type xing; 重 in 重度 is zhong, chong is its other reading
		for (String typed : List.of("hangye", "xingye", "tzhy", "tzxy")) {
			assertThat(find(typed)).as(typed).containsExactly("旅馆业特种行业许可");
		}
		for (String typed : List.of("zhongdu", "chongdu", "zdcj")) {
			assertThat(find(typed)).as(typed).containsExactly("重度残疾人托养服务补助申领");
		}
		// ü typed as v or u
		assertThat(find("lvguan")).containsExactly("旅馆业特种行业许可");
		assertThat(find("luguan")).containsExactly("旅馆业特种行业许可");
	}

	@Test
	void shouldFindPartOfTheChineseName() {
		assertThat(find("救助")).containsExactly("特困人员救助供养申请", "临时救助申请");
		assertThat(find("生活保障")).containsExactly("最低生活保障申请", "最低生活保障边缘家庭认定");
		assertThat(find("jiuzhu")).as("pinyin of a later part").containsExactly("特困人员救助供养申请", "临时救助申请");
	}

	@Test
	void shouldFindNothingWhenNothingMatches() {
		assertThat(find("xyzq")).isEmpty();
		assertThat(find("证照")).isEmpty();
		assertThat(find("zdshx")).isEmpty();
		assertThat(find("𠀀")).isEmpty();
		assertThat(find("' OR 1=1 --")).isEmpty();
	}

	@Test
	void shouldRankTheWholeNameThenItsBeginningThenPinyinBeginningThenAnyPart() {
		List<String> names = List.of("社会救助证明", "救助申请", "家族关系证明", "救助");

		assertThat(search.find(names, Function.identity(), "救助")).containsExactly("救助", "救助申请", "社会救助证明");
		// initials: the names that begin with them, in the order given, then the one that has them inside
		assertThat(search.find(names, Function.identity(), "jz")).containsExactly("救助申请", "家族关系证明", "救助",
				"社会救助证明");
	}

	@Test
	void shouldListEverythingAsGivenWhenNothingIsTyped() {
		assertThat(find(null)).isEqualTo(MATTERS);
		assertThat(find("")).isEqualTo(MATTERS);
		assertThat(find("  \u3000 ")).isEqualTo(MATTERS);
	}

	@Test
	void shouldRefuseAnOverlongQueryControlCharactersOrUndecodableBytesNamingTheParameter() {
		assertThat(find("z".repeat(NameSearch.MAX_QUERY))).isEmpty();
		for (String typed : List.of("z".repeat(NameSearch.MAX_QUERY + 1), "zd\u0000sh", "zd\nsh", "zd\u202esh",
				"zd\ufffdsh")) {
			assertThatThrownBy(() -> find(typed)).isInstanceOf(InvalidInputException.class)
				.extracting(e -> ((InvalidInputException) e).field())
				.isEqualTo("q");
		}
	}

	@Test
	void shouldStayQuickForTheLongestQueryOnALongName() {
		// each polyphone doubles the ways to read the name; the search must not try them one by one
		String name = "行会".repeat(60); // xing/hang/heng, hui/kuai
		long started = System.nanoTime();
		assertThat(search.match(name, "h".repeat(NameSearch.MAX_QUERY))).isEqualTo(Match.PINYIN_PREFIX);
		assertThat(search.match(name, "xk".repeat(24) + "hq")).isNull();
		assertThat(System.nanoTime() - started).as("nanoseconds").isLessThan(1_000_000_000L);
	}
}
