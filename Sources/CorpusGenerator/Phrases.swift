/// Vietnamese sentences the generated reports are made of.
enum Phrases {
    static let results = [
        "Tổ chức hội thảo hướng dẫn doanh nghiệp nhỏ và vừa trên địa bàn đánh giá mức độ chuyển đổi số theo Bộ tiêu chí",
        "Phối hợp với Hiệp hội doanh nghiệp tỉnh khảo sát nhu cầu ứng dụng nền tảng số của các doanh nghiệp chế biến",
        "Xây dựng và ban hành kế hoạch chi tiết triển khai nhiệm vụ, phân công cá nhân chủ trì và tiến độ theo tháng",
        "Hoàn thành lớp bồi dưỡng kỹ năng số cơ bản cho người lao động tại khu công nghiệp, có bài kiểm tra cuối khóa",
        "Cập nhật danh mục sản phẩm, giải pháp công nghệ số được giới thiệu trên Cổng thông tin hỗ trợ doanh nghiệp",
        "Kết nối doanh nghiệp với cơ sở thử nghiệm để đánh giá giải pháp trí tuệ nhân tạo trước khi đưa vào sản xuất",
        "Truyền thông về Đề án trên báo điện tử và mạng xã hội, thu hút sự quan tâm của cộng đồng doanh nghiệp",
        "Rà soát, tổng hợp số liệu về hạ tầng băng rộng và dịch vụ di động 5G tại các khu công nghiệp tập trung",
    ]
    static let products = [
        "Kế hoạch triển khai nhiệm vụ năm được phê duyệt",
        "Báo cáo khảo sát nhu cầu chuyển đổi số của doanh nghiệp nhỏ và vừa",
        "Tài liệu hướng dẫn lộ trình chuyển đổi số theo ngành",
        "Biên bản tổ chức hội nghị, hội thảo",
        "Danh sách học viên hoàn thành khóa bồi dưỡng",
    ]
    static let difficulties = [
        "Nguồn nhân lực chuyên trách về chuyển đổi số tại địa phương còn mỏng, chưa đáp ứng yêu cầu",
        "Kinh phí bố trí cho nhiệm vụ chưa kịp thời, ảnh hưởng đến tiến độ tổ chức các hoạt động",
        "Doanh nghiệp nhỏ và vừa còn e ngại chi phí đầu tư ban đầu cho giải pháp số",
    ]
    static let proposals = [
        "Đề nghị Bộ ban hành hướng dẫn thống nhất về bộ chỉ số theo dõi, đánh giá",
        "Đề nghị bố trí kinh phí sớm từ đầu năm để chủ động triển khai",
        "Đề nghị tăng cường chia sẻ dữ liệu giữa các đơn vị để giảm trùng lặp khảo sát",
    ]
    static let names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thu Dung", "Hoàng Minh Đức", "Vũ Thị Hà"]
}
