package io.kinhealth.core.model;

import io.kinhealth.core.validation.Check;

/**
 * A clinical department (诊疗科目). Codes follow the national list of clinical subjects (医疗机构诊疗科目名录,
 * 卫医发〔1994〕27号, e.g. {@code 03} internal medicine, {@code 05.02} obstetrics); a host may use its own codes.
 */
public record Department(String code, String name) {
  public static final Department GENERAL_PRACTICE = new Department("02", "全科医疗科");
  public static final Department INTERNAL_MEDICINE = new Department("03", "内科");
  public static final Department SURGERY = new Department("04", "外科");
  public static final Department OBSTETRICS_GYNAECOLOGY = new Department("05", "妇产科");
  public static final Department OBSTETRICS = new Department("05.02", "产科");
  public static final Department PAEDIATRICS = new Department("07", "儿科");
  public static final Department DERMATOLOGY = new Department("13", "皮肤科");
  public static final Department MEDICAL_BEAUTY = new Department("14", "医疗美容科");
  public static final Department REHABILITATION = new Department("21", "康复医学科");
  public static final Department TRADITIONAL_CHINESE_MEDICINE = new Department("50", "中医科");

  public Department {
    code = Check.text(code, "code", 32);
    name = Check.text(name, "name", 100);
  }

  public static Department of(String code, String name) {
    return new Department(code, name);
  }
}
